/// The tables of the child protection process, one per kind of statutory record.
/// The raw values are table names and permanent.
enum ChildProtectionTable: String, CaseIterable {
    case discussions = "strategy_discussions"
    case meetings = "strategy_meetings"
    case enquiries = "section_47_enquiries"
    case conferences = "child_protection_conferences"
    case register = "child_protection_register"
    case coreGroups = "core_group_meetings"
    case assessments = "assessments"
    case plans = "care_and_support_plans"
}
