/// Minimal `--name value` argument reading; the benchmark needs nothing more
/// and the package takes no dependencies.
struct Arguments {
    let command: String
    private let values: [String: String]
    private let flags: Set<String>

    init(_ arguments: [String]) {
        command = arguments.count > 1 ? arguments[1] : "help"
        var values: [String: String] = [:]
        var flags: Set<String> = []
        var index = 2
        while index < arguments.count {
            let argument = arguments[index]
            if argument.hasPrefix("--") {
                let name = String(argument.dropFirst(2))
                if index + 1 < arguments.count && !arguments[index + 1].hasPrefix("--") {
                    values[name] = arguments[index + 1]
                    index += 2
                    continue
                }
                flags.insert(name)
            }
            index += 1
        }
        self.values = values
        self.flags = flags
    }

    func value(_ name: String) -> String? { values[name] }
    func int(_ name: String, default fallback: Int) -> Int { values[name].flatMap { Int($0) } ?? fallback }
    func flag(_ name: String) -> Bool { flags.contains(name) }
}
