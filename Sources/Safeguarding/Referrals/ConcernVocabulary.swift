/// Word lists behind `ConcernSpecificity`, in English and Welsh.
///
/// Referrals are written in either language, so each list carries both. Entries
/// are lower case with hyphens and possessive "'s" removed, matching how
/// `ConcernSpecificity` normalises words before looking them up.
enum ConcernVocabulary {
    static let timeWords: Set<String> = [
        "yesterday", "today", "tonight", "tomorrow", "overnight", "morning", "afternoon", "evening",
        "night", "weekend", "ago", "midnight", "midday", "noon", "o'clock", "oclock", "lunchtime", "bedtime",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec",
        // Welsh: yesterday, today, last night, tonight, the day before yesterday,
        // morning, afternoon, evening, weekend, week, last (as in "last week").
        "ddoe", "heddiw", "neithiwr", "heno", "echdoe", "bore", "prynhawn", "noswaith",
        "penwythnos", "wythnos", "diwethaf", "dydd", "ddydd", "nos",
        "ionawr", "chwefror", "ebrill", "mehefin", "gorffennaf", "awst", "medi", "hydref",
        "tachwedd", "rhagfyr",
    ]

    /// Month names that are also everyday words ("may", Welsh "mai" = "that",
    /// "mawrth" = Tuesday/March) only count next to a number or after "dydd"/"mis".
    static let ambiguousMonths: Set<String> = ["may", "mai", "mawrth"]

    static let timeWordsBeforeNumberlessMonth: Set<String> = ["dydd", "ddydd", "nos", "mis", "ym", "fis"]

    static let people: Set<String> = [
        "mum", "mam", "mummy", "mother", "mom", "dad", "daddy", "father", "stepdad", "stepfather",
        "stepmum", "stepmother", "parent", "parents", "carer", "carers", "partner", "expartner",
        "boyfriend", "girlfriend", "brother", "sister", "sibling", "siblings", "halfbrother",
        "halfsister", "stepbrother", "stepsister", "grandmother", "grandma", "gran", "nan", "nana",
        "nanna", "grandfather", "grandad", "granddad", "grandpa", "uncle", "aunt", "auntie", "aunty",
        "cousin", "baby", "teacher", "neighbour", "friend", "friends", "lodger", "stranger", "man",
        "woman", "men", "women", "pupil", "classmate", "peer", "peers", "foster", "guardian",
        "mr", "mrs", "ms", "miss", "dr", "pc", "sgt", "gp",
        // Welsh relations and people, with the mutated forms that follow "ei" (his/her) and "fy" (my):
        // "ei thad", "fy nhad", "ei fam".
        "tad", "thad", "nhad", "llystad", "llysfam", "brawd", "frawd", "mrawd", "chwaer", "nain",
        "taid", "nhaid", "thaid", "mamgu", "tadcu", "ewythr", "modryb", "fodryb", "fam", "mham",
        "cefnder", "cyfnither", "athro", "athrawes", "athrawon", "cymydog", "cymdoges", "ffrind",
        "cariad", "babi", "dyn", "menyw", "rhiant", "rhieni", "gofalwr", "llysdad",
    ]

    static let places: Set<String> = [
        "home", "house", "flat", "bedroom", "kitchen", "bathroom", "garden", "school", "nursery",
        "college", "park", "playground", "street", "road", "shop", "shops", "station", "bus", "car",
        "hospital", "surgery", "address", "town", "centre", "club", "party", "hostel", "classroom",
        "cartref", "gartref", "tŷ", "ty", "dŷ", "nhŷ", "thŷ", "fflat", "ystafell", "ysgol", "meithrinfa", "parc", "stryd",
        "heol", "siop", "gorsaf", "ysbyty", "tref", "canolfan", "gardd", "cegin",
    ]

    static let happenings: Set<String> = [
        "hit", "hits", "hitting", "slapped", "slap", "slapping", "punched", "punch", "kicked", "kick",
        "pushed", "shoved", "grabbed", "shook", "shaken", "choked", "strangled", "burned", "burnt",
        "bit", "bitten", "threw", "thrown", "dragged", "locked", "hurt", "injured", "assaulted",
        "attacked", "abused", "touched", "threatened", "shouted", "screamed", "swore", "disclosed",
        "disclosure", "told", "said", "says", "stated", "reported", "alleged", "saw", "seen",
        "witnessed", "observed", "heard", "found", "noticed", "smelt", "smelled", "arrived", "left",
        "missed", "missing", "absent", "ran", "fled", "refused", "collapsed", "drunk", "intoxicated",
        "overdose", "overdosed", "bruise", "bruises", "bruised", "bruising", "mark", "marks",
        "injury", "injuries", "cut", "cuts", "burn", "burns", "wound", "scratch", "scratches",
        "swelling", "fracture", "hungry", "unwashed", "soiled", "weapon", "knife", "messages",
        "images", "photos",
        // Welsh actions and observations.
        "taro", "tarodd", "cicio", "ciciodd", "gwthio", "gwthiodd", "dweud", "dywedodd", "meddai",
        "gwelodd", "gwelais", "clywodd", "clywais", "clais", "cleisiau", "anaf", "anafiadau",
        "llosg", "marc", "marciau", "bygwth", "bygythiodd", "gweiddi", "gwaeddodd", "datgelodd",
        "cyffyrddodd", "meddw", "llwglyd", "goll",
    ]

    /// Stock phrases that describe a worry without saying what it is. Matched
    /// against the concern lower-cased, with punctuation removed and single spaces.
    static let vaguePhrases: [String] = [
        "concerns about the family", "concerns about family", "concerns regarding the family",
        "concerns re the family", "concerns for the family", "worried about the family",
        "general concerns", "ongoing concerns", "various concerns", "a number of concerns",
        "low level concerns", "lowlevel concerns", "safeguarding concerns", "welfare concerns", "historical concerns",
        "family not coping", "not coping", "chaotic family", "chaotic lifestyle", "issues at home",
        "problems at home", "things are difficult",
        "pryderon am y teulu", "pryderon cyffredinol", "pryderon parhaus", "pryderon amrywiol",
        "problemau gartref",
    ]

    /// Capitalised words that are not names or places.
    static let notNames: Set<String> = ["i", "i'm", "i've", "i'd", "i'll"]
}
