import Foundation
import Safeguarding
@testable import SafeguardingWeb
import Testing

@Suite("The hub queue's rows, written in Swift")
struct HubQueueRowsTests {
    let catalogue = try! Catalogue.load(from: "Resources")

    func line(name: String, overdue: Bool, statusKey: String, linked: Int, signOff: Bool) -> HubQueueContext.Line {
        HubQueueContext.Line(
            href: "/referrals/abc", reference: "REF-2026-000001", kindKey: "referral.kind.ppn", childName: name,
            dateOfBirth: "2 Tachwedd 2012", agencyName: "Heddlu Gwent", received: "23 Tachwedd 2026, 9:05yb",
            deadline: "hwyr o 2 awr", statusKey: statusKey, isOverdue: overdue, awaitingSignOff: signOff, qualityScore: 85,
            linkedNotices: linked)
    }

    @Test("every value is escaped, and the words come from the reader's catalogue")
    func escapesAndTranslates() {
        let html = HubQueueRows.html(
            [line(name: "<script>O'Brien & \"Co\"</script>", overdue: true, statusKey: "deadline.status.overdue", linked: 2, signOff: true)],
            language: .welsh, catalogue: catalogue)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;O&#39;Brien &amp; &quot;Co&quot;&lt;/script&gt;"))
        #expect(html.contains(catalogue.text("deadline.status.overdue", .welsh)))
        #expect(html.contains(HTMLText.escape(catalogue.text("hub.linked_notices", .welsh, ["2"]))))
        #expect(html.contains(HTMLText.escape(catalogue.text("referral.status.awaiting_sign_off", .welsh))))
        #expect(html.contains(HTMLText.escape(catalogue.text("referral.kind.ppn", .welsh))))
    }

    @Test("a referral due today is marked so; one on track carries no tag")
    func statusTags() {
        let today = HubQueueRows.html([line(name: "Cerys", overdue: false, statusKey: "deadline.status.dueToday", linked: 0, signOff: false)],
            language: .english, catalogue: catalogue)
        #expect(today.contains("tag--warning"))
        let calm = HubQueueRows.html([line(name: "Cerys", overdue: false, statusKey: "deadline.status.onTrack", linked: 0, signOff: false)],
            language: .english, catalogue: catalogue)
        #expect(!calm.contains("tag--") && !calm.contains("class=\"tag\""))
    }

    @Test("one notice of the same incident is one notice, not '+1 notices'")
    func linkedNoticeCount() {
        let one = HubQueueRows.html([line(name: "Tyler", overdue: false, statusKey: "deadline.status.onTrack", linked: 1, signOff: false)],
            language: .english, catalogue: catalogue)
        #expect(one.contains("+1 notice about the same incident") && !one.contains("+1 notices"))
        let two = HubQueueRows.html([line(name: "Tyler", overdue: false, statusKey: "deadline.status.onTrack", linked: 2, signOff: false)],
            language: .english, catalogue: catalogue)
        #expect(two.contains("+2 notices about the same incident"))
    }
}

@Suite("A child's chronology and latest accesses, written in Swift")
struct ChildRecordRowsTests {
    let catalogue = try! Catalogue.load(from: "Resources")

    @Test("chronology: escaped values and reasons, the term inside the Welsh title, a link only for those who may open the referral")
    func chronology() {
        let screened = ChildRecordContext.ChronologyLine(
            when: "2 Tachwedd 2026", agencyName: "Ysgol <Gyfun> & Co", titleKey: "chronology.decision",
            argumentKey: "decision.outcome.strategy_discussion", reference: "DIO-2026-000001", href: "/referrals/abc",
            detail: "Bruising <seen> by the teacher")
        var hidden = screened
        hidden.href = ""
        hidden.detail = ""
        let html = ChildRecordRows.chronology([screened, hidden], language: .welsh, catalogue: catalogue)
        #expect(html.contains("Ysgol &lt;Gyfun&gt; &amp; Co"))
        let title = catalogue.text("chronology.decision", .welsh, [catalogue.text("decision.outcome.strategy_discussion", .welsh)])
        #expect(title.hasPrefix("Penderfyniad yr hyb: "))
        #expect(html.contains("<strong>\(HTMLText.escape(title))</strong> (<a href=\"/referrals/abc\">DIO-2026-000001</a>)"))
        #expect(html.contains("<strong>\(HTMLText.escape(title))</strong> (DIO-2026-000001)"))
        #expect(html.components(separatedBy: "Bruising &lt;seen&gt; by the teacher").count == 2)
        #expect(html.components(separatedBy: "<a href").count == 2)
        #expect(html.components(separatedBy: "<li>").count == 3)
    }

    @Test("latest accesses: who, agency and reason escaped; the action in the reader's language")
    func audit() {
        let row = ChildRecordContext.AuditRow(
            when: "23 Nov 2026, 9:05am", who: "Siân \"Pritch\" <b>", agencyName: "Gwent Police",
            actionKey: "audit.action.child.viewed", reason: "hub_screening & <i>more</i>")
        let html = ChildRecordRows.audit([row], language: .english, catalogue: catalogue)
        #expect(!html.contains("<b>") && !html.contains("<i>"))
        #expect(html.contains("Siân &quot;Pritch&quot; &lt;b&gt;") && html.contains("hub_screening &amp; &lt;i&gt;more&lt;/i&gt;"))
        #expect(html.contains("<td>\(HTMLText.escape(catalogue.text("audit.action.child.viewed", .english)))</td>"))
        #expect(catalogue.text("audit.action.child.viewed", .english) != "audit.action.child.viewed")
    }
}

@Suite("A child's identity and every page's menu, written in Swift")
struct IdentityAndMenuRowsTests {
    let catalogue = try! Catalogue.load(from: "Resources")

    @Test("identity: recorded values escaped, terms in the reader's language")
    func identity() {
        let html = ChildRecordRows.identity([
            .init(labelKey: "child.field.name", value: "<b>Siân</b> & \"Osian\""),
            .init(labelKey: "child.field.sex", value: "", valueKey: "sex.female"),
        ], language: .welsh, catalogue: catalogue)
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;b&gt;Siân&lt;/b&gt; &amp; &quot;Osian&quot;"))
        #expect(html.contains("<dt>\(HTMLText.escape(catalogue.text("child.field.name", .welsh)))</dt>"))
        #expect(html.contains("<dd>\(HTMLText.escape(catalogue.text("sex.female", .welsh)))</dd>"))
    }

    @Test("menu: the current page is marked for screen readers, the labels in the reader's language")
    func menu() {
        let html = LayoutContext.navigationHTML([
            .init(href: "/home", labelKey: "nav.home", isCurrent: false),
            .init(href: "/hub", labelKey: "nav.hub", isCurrent: true),
        ], language: .welsh, catalogue: catalogue)
        #expect(html.contains("<a href=\"/home\">\(HTMLText.escape(catalogue.text("nav.home", .welsh)))</a>"))
        #expect(html.contains("<a href=\"/hub\" aria-current=\"page\">\(HTMLText.escape(catalogue.text("nav.hub", .welsh)))</a>"))
        #expect(html.components(separatedBy: "aria-current").count == 2)
    }

    @Test("menu: one item is current, the longest whose path leads the page's by whole segments")
    func oneCurrentItem() {
        let menu = LayoutContext.menu.map(\.0)
        #expect(LayoutContext.currentItem(of: menu, path: "/hub/meetings/8c1d") == "/hub/meetings")
        #expect(LayoutContext.currentItem(of: menu, path: "/hub/meetings") == "/hub/meetings")
        #expect(LayoutContext.currentItem(of: menu, path: "/hub") == "/hub")
        #expect(LayoutContext.currentItem(of: menu, path: "/hubble") == nil)
        #expect(LayoutContext.currentItem(of: menu, path: "/referrals/mine") == "/referrals/mine")
        #expect(LayoutContext.currentItem(of: ["/home", "/hub"], path: "/hub/meetings") == "/hub")
    }
}
