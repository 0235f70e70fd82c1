import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Drives a running Diogelu over real HTTP with many concurrent clients and reports
/// throughput and latency percentiles, and how much CPU the client and server used.
struct LoadDriver: Sendable {
    let base: String
    let credentials: BenchCredentials
    let clients: Int
    let seconds: Double
    let serverPID: Int?
    /// The short names of the measurements to make (all when nil).
    var only: Set<String>? = nil

    /// Latencies of one measurement, in seconds.
    struct Sample: Sendable {
        var latencies: [Double] = []
        var failures = 0

        func percentile(_ p: Double) -> Double {
            guard !latencies.isEmpty else { return .nan }
            let sorted = latencies.sorted()
            return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
        }
    }

    func run(log: (String) -> Void) async throws -> String {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: clients)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            let report = try await measureAll(client: client, log: log)
            try await client.shutdown()
            return report
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    private func measureAll(client: HTTPClient, log: (String) -> Void) async throws -> String {
        var lines: [String] = []
        for (short, name, make) in measurements() where only?.contains(short) ?? true {
            let clientCPU = Self.cpuSeconds(pid: nil)
            let serverCPU = serverPID.map { Self.cpuSeconds(pid: $0) }
            let started = Date()
            let sample = try await measure(client: client, make: make)
            let elapsed = Date().timeIntervalSince(started)
            let clientShare = (Self.cpuSeconds(pid: nil) - clientCPU) / elapsed
            let serverShare = serverPID.map { (Self.cpuSeconds(pid: $0) - serverCPU!) / elapsed }
            let line = String(
                format: "%-26@ %8.1f req/s  p50 %6.1f ms  p99 %6.1f ms  n=%d failures=%d  client CPU %.2f cores%@",
                name as NSString, Double(sample.latencies.count) / elapsed, sample.percentile(0.5) * 1000,
                sample.percentile(0.99) * 1000, sample.latencies.count, sample.failures, clientShare,
                serverShare.map { String(format: ", server CPU %.2f cores", $0) } ?? "")
            log(line)
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// Each measurement makes its next request; the index lets them vary the child. The
    /// pages are measured first, against the partnership as seeded (a working day's 2,000
    /// referrals waiting): the submissions measured after them add thousands more to the
    /// queue, a backlog no hub carries.
    private func measurements() -> [(String, String, @Sendable (Int) -> HTTPClientRequest)] {
        let base = self.base, credentials = self.credentials
        return [
            ("queue", "hub queue page", { _ in
                var request = HTTPClientRequest(url: base + "/hub")
                request.headers.add(name: "Cookie", value: "diogelu_session=\(credentials.hubCookie)")
                return request
            }),
            ("child", "child record page", { index in
                let child = credentials.childIDs[index % credentials.childIDs.count]
                var request = HTTPClientRequest(url: base + "/children/\(child.uuidString.lowercased())")
                request.headers.add(name: "Cookie", value: "diogelu_session=\(credentials.hubCookie)")
                return request
            }),
            ("log", "master log page", { index in
                let child = credentials.childIDs[(index * 7) % credentials.childIDs.count]
                var request = HTTPClientRequest(url: base + "/children/\(child.uuidString.lowercased())/log")
                request.headers.add(name: "Cookie", value: "diogelu_session=\(credentials.hubCookie)")
                return request
            }),
            ("mace", "MACE cohort page", { _ in
                var request = HTTPClientRequest(url: base + "/mace/\(credentials.maceMeetingID?.uuidString.lowercased() ?? "none")")
                request.headers.add(name: "Cookie", value: "diogelu_session=\(credentials.hubCookie)")
                return request
            }),
            ("network", "child's network page", { _ in
                let child = credentials.networkChildID?.uuidString.lowercased() ?? "none"
                var request = HTTPClientRequest(url: base + "/children/\(child)/network")
                request.headers.add(name: "Cookie", value: "diogelu_session=\(credentials.hubCookie)")
                return request
            }),
            ("submission", "referral submission", { index in
                var request = HTTPClientRequest(url: base + "/api/v1/referrals")
                request.method = .POST
                request.headers.add(name: "Authorization", value: "Bearer \(credentials.referrerToken)")
                request.headers.add(name: "Content-Type", value: "application/json")
                request.body = .bytes(ByteBuffer(string: LoadDriver.referralJSON(index)))
                return request
            }),
        ]
    }

    private func measure(client: HTTPClient, make: @escaping @Sendable (Int) -> HTTPClientRequest) async throws -> Sample {
        let deadline = Date().addingTimeInterval(seconds)
        return try await withThrowingTaskGroup(of: Sample.self) { group in
            for worker in 0..<clients {
                group.addTask {
                    var sample = Sample()
                    var index = worker * 1_000_003
                    while Date() < deadline {
                        index += 1
                        let started = ContinuousClock.now
                        do {
                            let response = try await client.execute(make(index), timeout: .seconds(30))
                            _ = try await response.body.collect(upTo: 16 * 1_048_576)
                            if response.status.code < 400 {
                                let elapsed = ContinuousClock.now - started
                                sample.latencies.append(
                                    Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
                            } else {
                                sample.failures += 1
                            }
                        } catch {
                            sample.failures += 1
                        }
                    }
                    return sample
                }
            }
            var all = Sample()
            for try await sample in group {
                all.latencies += sample.latencies
                all.failures += sample.failures
            }
            return all
        }
    }

    static func referralJSON(_ index: Int) -> String {
        """
        {"kind": "marf", "submit": true, "form": {"child": {"given_name": "Llwyth\(index)", "surname": "Prawf", "date_of_birth": "2014-05-02", "sex": "female", "address": "1 Ffordd Prawf", "postcode": "NP20 4UR"}, "household": [{"name": "Mam Prawf", "relationship": "mother", "holds_parental_responsibility": true}], "concern": {"categories": ["neglect"], "description": "Load test referral \(index).", "immediate_protection": "Safe at school."}, "family_language": "welsh", "family_informed": true, "consent": {"status": "given"}}}
        """
    }

    /// User plus system CPU seconds of a process (this one when `pid` is nil), from /proc.
    static func cpuSeconds(pid: Int?) -> Double {
        let path = pid.map { "/proc/\($0)/stat" } ?? "/proc/self/stat"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return 0 }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // After the command name: state is field 0, utime field 11, stime field 12.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / 100
    }
}
