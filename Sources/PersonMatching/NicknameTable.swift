/// Given names that refer to the same person in English and Welsh usage:
/// short forms (Dai, Liz), pet forms (Betsan), and Welsh/English pairs
/// (Siôn/John, Gwilym/William, Ieuan/Evan).
///
/// A name may sit in several groups ("Beth" is short for both Elizabeth and
/// Bethan), so equivalence means "share at least one group", not "same canonical form".
public enum NicknameTable: Sendable {
    /// Each line is one family of equivalent names, already normalised
    /// (upper case, circumflexes folded: Siôn → SION, Dafydd stays DAFYDD).
    static let groups: [[String]] = [
        ["DAVID", "DAFYDD", "DAI", "DAVE", "DAVEY", "DAVY", "DAVIE", "DEWI", "DAVYDD", "DAFI"],
        ["ELIZABETH", "ELISABETH", "LIZ", "LIZZIE", "LIZZY", "LIZA", "ELIZA", "BETH", "BETSAN", "BETSI", "BETTY",
         "BETTIE", "BESS", "BESSIE", "LIBBY", "ELSIE", "ELSPETH", "LISA", "ELISA", "BETHANY"],
        ["BETHAN", "BETH", "BETHANY"],
        ["JOHN", "SION", "SIONY", "JON", "JONNY", "JOHNNY", "JACK", "SEAN", "SHAUN", "SHAWN", "IOAN", "JOHNATHAN"],
        ["IEUAN", "EVAN", "IFAN", "IWAN", "IANTO", "EUAN", "EWAN", "IAN", "IOAN"],
        ["WILLIAM", "GWILYM", "WIL", "WILL", "WILLIE", "WILLY", "BILL", "BILLY", "LIAM", "GWILL", "WILIAM"],
        ["JANET", "SIONED", "JAN", "JANETTE", "NETTA"],
        ["JANE", "SIAN", "SIANI", "JAYNE", "SHAN", "JEAN", "JANEY"],
        ["JANE", "SIWAN", "JOAN", "JOANNE", "JOANNA", "SIOBHAN"],
        ["RHYS", "REECE", "REES", "RICE", "REESE", "RHYDIAN"],
        ["MARGARET", "MEGAN", "MEG", "MEGGIE", "MAGGIE", "MAGS", "PEGGY", "PEG", "MARGED", "MAIR", "MARGARETTA", "RHETA",
         "GRETA", "MADGE", "MARGIE", "MARGO", "MARJORIE"],
        ["MARY", "MAIR", "MAIRWEN", "MOLLY", "MAE", "MAIRI", "MAIRE", "MARIA", "MARIE", "POLLY"],
        ["CATRIN", "CATHERINE", "KATHERINE", "KATHRYN", "CATHRYN", "KATHARINE", "CATHY", "KATHY", "KATE", "KATIE",
         "CATI", "CADI", "KAT", "CAT", "KITTY", "KAY", "CATHERYN", "CATRINA", "KATRINA", "CATHRIN"],
        ["HUGH", "HUW", "HUGHIE", "HUWI"],
        ["OWEN", "OWAIN", "OWI", "OWAIN", "OWYN"],
        ["IOLO", "IORWERTH", "EDWARD", "TEDDY", "TED", "NED", "EDDIE", "EDDY", "ED", "IOLYN"],
        ["ROBERT", "BOB", "BOBBY", "ROB", "ROBBIE", "ROBBY", "BERT", "ROBAT", "ROBIN", "ROBERTO"],
        ["RICHARD", "RHISIART", "DICK", "DICKY", "RICH", "RICHIE", "RICKY", "RICK", "RICHARDO"],
        ["THOMAS", "TOMOS", "TOM", "TOMMY", "TOMI", "TWM", "TOMAS"],
        ["JAMES", "IAGO", "JIM", "JIMMY", "JAMIE", "JIMMIE", "SEAMUS", "JEM", "JAMESY"],
        ["PETER", "PEDR", "PETE", "PEDRO"],
        ["STEPHEN", "STEVEN", "STEFFAN", "STEFAN", "STEVE", "STEVIE", "STEPH", "STEFFAN", "STIFYN"],
        ["MICHAEL", "MIHANGEL", "MICK", "MICKY", "MIKE", "MIKEY", "MICHEAL", "MICHAL"],
        ["ANDREW", "ANDRAS", "ANDY", "DREW", "ANDI"],
        ["EDMUND", "EDMWND", "ED", "EDDIE", "NED"],
        ["HENRY", "HARRI", "HARRY", "HAL", "HANK", "HENRI"],
        ["MATTHEW", "MATHEW", "MATHAU", "MATT", "MATTY"],
        ["PHILIP", "PHILLIP", "PHIL", "PIP", "PHILLYP"],
        ["GEORGE", "SIORS", "SIOR", "GEORDIE", "GEORGIE"],
        ["CHARLES", "SIARL", "CHARLIE", "CHAS", "CHUCK", "CHARLEY"],
        ["ALEXANDER", "ALECSANDER", "ALEX", "ALEC", "SANDY", "XANDER", "ALI", "ALASDAIR", "ALISTAIR"],
        ["ALEXANDRA", "ALEX", "ALEXA", "SANDRA", "LEXI", "LEXIE", "ALEXIS"],
        ["CHRISTOPHER", "CRISTOFFER", "CHRIS", "KIT", "CHRISTY", "TOPHER"],
        ["CHRISTINE", "CHRISTINA", "CHRIS", "TINA", "KIRSTY", "CHRISSY", "KRISTINA"],
        ["GARETH", "GARY", "GAZ", "GARI", "GERAINT"],
        ["GRUFFYDD", "GRIFFITH", "GRUFF", "GRIFF", "GRUFFUDD", "GRIFFIN"],
        ["LLEWELYN", "LLYWELYN", "LLEWELLYN", "LLEW", "LEWIS", "LEW", "LLEWELLIN", "LEWYS"],
        ["HYWEL", "HOWELL", "HOWEL", "HOWARD", "HOWIE"],
        ["EMRYS", "AMBROSE"],
        ["MEREDYDD", "MEREDITH", "MERE"],
        ["MADOG", "MADOC", "MADDOX", "MADDOCK"],
        ["DYLAN", "DYL"],
        ["GWENLLIAN", "GWEN", "GWENNIE", "GWENNY"],
        ["GWENDOLYN", "GWENDOLINE", "GWENDOLEN", "GWEN", "WENDY"],
        ["GWENFAIR", "GWEN", "WINIFRED", "WINNIE", "WINI", "GWENNY"],
        ["ANGHARAD", "ANGIE", "HARRIET"],
        ["ANNE", "ANN", "ANNA", "ANNI", "ANNIE", "NANCY", "NAN", "NANS", "HANNAH", "NAIN"],
        ["HANNAH", "HANNA", "ANNA", "NANNA"],
        ["ELEANOR", "ELINOR", "ELIN", "ELLEN", "ELLIE", "NELL", "NELLIE", "NORA", "ELEN", "HELEN", "ELLA"],
        ["HELEN", "ELEN", "HELENA", "NELL", "LENA"],
        ["DEBORAH", "DEBRA", "DEBBIE", "DEB", "DEBS"],
        ["SARAH", "SARA", "SAL", "SALLY", "SADIE", "SAI"],
        ["SUSAN", "SUSANNA", "SUSANNAH", "SUE", "SUSIE", "SUZIE", "SUZY", "SUZANNE", "SIWSAN"],
        ["JENNIFER", "JEN", "JENNY", "JENNI", "GWENHWYFAR", "GUINEVERE", "JENNA"],
        ["REBECCA", "BECKY", "BECCA", "BEX", "BECS"],
        ["VICTORIA", "VICKY", "VICKI", "TORI", "VIC"],
        ["SAMUEL", "SAM", "SAMMY", "SAMI", "SAMWEL"],
        ["SAMANTHA", "SAM", "SAMMY", "SAMMIE"],
        ["BENJAMIN", "BEN", "BENNY", "BENJI", "BENI", "BENJY"],
        ["JOSEPH", "JOE", "JOEY", "JO", "JOSEFF", "JOS"],
        ["JOSEPHINE", "JO", "JOSIE", "JOSIE", "JOSS"],
        ["DANIEL", "DAN", "DANNY", "DANI", "DANIAL"],
        ["ANTHONY", "ANTONY", "TONY", "ANT", "ANTON"],
        ["NICHOLAS", "NICOLAS", "NICK", "NICKY", "NICO", "NIC"],
        ["NICOLA", "NICOLE", "NICKY", "NIKKI", "NIC"],
        ["EMILY", "EMMA", "EMS", "MILLIE", "EMILIA", "EM"],
        ["AMELIA", "AMY", "MILLIE", "MILLY", "MELIA", "EMILIA"],
        ["ISABELLA", "ISABEL", "ISABELLE", "IZZY", "BELLA", "ISSY", "ISOBEL", "IZZIE", "ELISABETH"],
        ["OLIVIA", "LIV", "LIVVY", "LIVIA", "OLLIE"],
        ["OLIVER", "OLLIE", "OLLY", "OLI"],
        ["ABIGAIL", "ABBY", "ABBIE", "ABI", "GAIL"],
        ["ELLIS", "ELIS", "ELISEDD"],
        ["EDWARD", "IORWERTH", "EDWART", "EDDIE", "TED", "NED", "TEDDY", "ED"],
        ["FREDERICK", "FRED", "FREDDIE", "FREDDY", "FFRED", "FREDRIC"],
        ["CERIDWEN", "CERI", "CERYS", "CERIS"],
        ["GWYNETH", "GWYN", "GWYNNETH", "GWENETH", "WYNNE"],
        ["TALIESIN", "TALI", "SIN"],
        ["ARTHUR", "ARTH", "ART", "ARTIE"],
        ["PATRICK", "PADRIG", "PAT", "PADDY", "PADI"],
        ["PATRICIA", "PAT", "PATSY", "TRISH", "TRICIA", "PATTY"],
        ["MORGAN", "MORGANA", "MOR", "MO"],
        ["LOWRI", "LAURA", "LORI", "LAURIE"],
        ["NIA", "NIAMH"],
        ["AERON", "AARON"],
        ["CAI", "KAI", "CAIO", "CAIUS", "KAY"],
        ["IFOR", "IVOR", "IVO"],
        ["SIMON", "SEIMON", "SIMWNT", "SI", "SIM"],
        ["PAUL", "PAWL", "PAULIE"],
        ["MARK", "MARC", "MARCUS"],
        ["LUKE", "LUC", "LUCAS", "LUKAS"],
        ["TIMOTHY", "TIM", "TIMMY", "TIMOTHEUS"],
        ["JACOB", "JAKE", "JAKEY", "IAGO"],
        ["ZACHARY", "ZAC", "ZACH", "ZACK"],
        ["NATHAN", "NATHANIEL", "NATE", "NAT"],
        ["MAXWELL", "MAXIMILIAN", "MAX", "MAXIE"],
        ["ALFRED", "ALF", "ALFIE", "FRED"],
        ["ALBERT", "AL", "BERT", "BERTIE", "ALBIE"],
        ["HARRISON", "HARRY", "HARRI"],
        ["LEWIS", "LEWYS", "LOUIS", "LOU"],
        ["KATHLEEN", "KATH", "KATHY", "KAY"],
        ["CAROLINE", "CAROLYN", "CAROL", "CARRIE", "CARO", "LINA"],
        ["JESSICA", "JESS", "JESSIE", "JESSY"],
        ["CHARLOTTE", "CHARLIE", "LOTTIE", "CHARLEY", "LOTTY"],
        ["ELOISE", "ELOISA", "ELLIE", "LOUISE"],
        ["LOUISE", "LOUISA", "LOU", "LULU", "LOUIE", "LOWRI"],
        ["DOROTHY", "DOT", "DOTTIE", "DOLLY", "DOROTHEA", "DORA"],
        ["TERESA", "THERESA", "TESS", "TESSA", "TERRI", "TERRY"],
        ["MAUREEN", "MO", "MOIRA"],
        ["RHIANNON", "RHIAN", "RHI", "RIANNON"],
        ["ANGELA", "ANGIE", "ANGE"],
        ["BRONWEN", "BRON", "BRONWYN", "BRONNIE"],
        ["MARGED", "MARGARET", "MEGAN", "MEG"],
        ["MATILDA", "TILLY", "TILLIE", "MATTIE", "MAUD"],
        ["ESTHER", "ESTER", "ESSIE", "HESTER"],
        ["EIRLYS", "EIRA", "IRIS"],
        ["CARWYN", "CARW"],
        ["TUDUR", "TUDOR", "TUDWR"],
        ["EINION", "EINON", "ENNION", "EYNON"],
        ["IESTYN", "JUSTIN", "IESTIN"],
        ["GAREL", "GARY"],
        ["EMYR", "EMMER"],
        ["MACSEN", "MAXIMUS", "MAX"],
        ["CADFAEL", "CADWALADER", "CAD", "CADWALADR"],
        ["DEINIOL", "DANIEL"],
        ["ELFED", "ELFYN"],
        ["GETHIN", "GETH"],
        ["MATHEW", "MATHIAS", "MATTHIAS"],
        ["SEREN", "STELLA", "STAR"],
        ["MALI", "MOLLY", "MOLL", "MARY"],
        ["GWENNAN", "GWEN"],
        ["NANS", "ANNES", "AGNES", "NESSA", "NESTA"],
        ["ELISEDD", "ELIS", "ELLIS"],
    ]

    /// Name → indices (1-based) of every group containing it.
    static let groupsByName: [String: [UInt16]] = {
        var table: [String: [UInt16]] = [:]
        for (index, group) in groups.enumerated() {
            for name in Set(group) { table[name, default: []].append(UInt16(index + 1)) }
        }
        return table
    }()

    /// Whether two given names can refer to the same person, in either direction
    /// ("Dai" ~ "David" and "David" ~ "Dai"). Names are normalised first.
    public static func areEquivalent(_ lhs: String, _ rhs: String) -> Bool {
        let left = NameNormaliser.normalise(lhs), right = NameNormaliser.normalise(rhs)
        if left == right { return !left.isEmpty }
        return sharesGroup(groupMask(for: left), groupMask(for: right))
    }

    /// Every other name in the table the given name can stand for, normalised.
    public static func equivalents(of name: String) -> Set<String> {
        let key = NameNormaliser.normalise(name)
        var result: Set<String> = []
        for index in groupsByName[key] ?? [] { result.formUnion(groups[Int(index) - 1]) }
        result.remove(key)
        return result
    }

    private static let groupsByBytes: [[UInt8]: [UInt16]] = Dictionary(
        uniqueKeysWithValues: groupsByName.map { (Array($0.key.utf8), $0.value) })

    /// Up to four group numbers packed into 16-bit lanes, so the index can keep
    /// nickname knowledge per person in one word and compare it without lookups.
    static func groupMask(for normalisedName: String) -> UInt64 {
        groupMask(forBytes: Array(normalisedName.utf8))
    }

    static func groupMask(forBytes normalisedName: [UInt8]) -> UInt64 {
        guard let indices = groupsByBytes[normalisedName] else { return 0 }
        var mask: UInt64 = 0
        for (lane, index) in indices.prefix(4).enumerated() { mask |= UInt64(index) << (16 * UInt64(lane)) }
        return mask
    }

    static func sharesGroup(_ lhs: UInt64, _ rhs: UInt64) -> Bool {
        guard lhs != 0, rhs != 0 else { return false }
        for i in 0..<4 {
            let a = (lhs >> (16 * UInt64(i))) & 0xFFFF
            guard a != 0 else { break }
            for j in 0..<4 {
                let b = (rhs >> (16 * UInt64(j))) & 0xFFFF
                guard b != 0 else { break }
                if a == b { return true }
            }
        }
        return false
    }
}
