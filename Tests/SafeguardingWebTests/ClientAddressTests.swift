@testable import SafeguardingWeb
import Testing

@Suite("Which client a request came from, behind trusted proxies")
struct ClientAddressTests {
    let balancer = "10.0.0.5"

    @Test("a client connecting directly is its own address, whatever X-Forwarded-For it writes")
    func directClientIsBelievedOnlyForItself() {
        #expect(ClientAddress.resolve(peer: "203.0.113.7", forwardedFor: ["198.51.100.1"], trusted: [balancer]) == "203.0.113.7")
        #expect(ClientAddress.resolve(peer: "203.0.113.7", forwardedFor: [], trusted: []) == "203.0.113.7")
    }

    @Test("behind a trusted proxy each client is told apart by the address the proxy forwarded for")
    func trustedProxyForwards() {
        #expect(ClientAddress.resolve(peer: balancer, forwardedFor: ["198.51.100.1"], trusted: [balancer]) == "198.51.100.1")
        #expect(ClientAddress.resolve(peer: balancer, forwardedFor: ["198.51.100.2"], trusted: [balancer]) == "198.51.100.2")
        // A client's own forged entry stands before the one the proxy added, and is passed over.
        #expect(ClientAddress.resolve(peer: balancer, forwardedFor: ["1.2.3.4, 198.51.100.1"], trusted: [balancer]) == "198.51.100.1")
        // Two trusted proxies in a row.
        #expect(ClientAddress.resolve(peer: balancer, forwardedFor: ["198.51.100.1, 10.0.0.6"], trusted: [balancer, "10.0.0.6"])
            == "198.51.100.1")
        #expect(ClientAddress.resolve(peer: balancer, forwardedFor: [], trusted: [balancer]) == balancer)
        #expect(ClientAddress.resolve(peer: balancer, forwardedFor: ["not an address"], trusted: [balancer]) == balancer)
    }

    @Test("the trusted proxies come from DIOGELU_TRUSTED_PROXIES, and a bad entry stops start-up by name")
    func configuration() throws {
        let good = try DiogeluConfiguration.fromEnvironment(["DIOGELU_TRUSTED_PROXIES": "10.0.0.5, ::1"])
        #expect(good.trustedProxies == ["10.0.0.5", "::1"])
        #expect(try DiogeluConfiguration.fromEnvironment([:]).trustedProxies.isEmpty)
        #expect(throws: ConfigurationError.self) { try DiogeluConfiguration.fromEnvironment(["DIOGELU_TRUSTED_PROXIES": "10.0.0.5, proxy.local"]) }
    }
}
