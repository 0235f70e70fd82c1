import Testing

@testable import NoticeDelivery

@Suite("SMTPConfiguration.fromEnvironment")
struct ConfigurationTests {
    @Test func unsetHostMeansNotConfigured() throws {
        #expect(try SMTPConfiguration.fromEnvironment([:]) == nil)
        #expect(try SMTPConfiguration.fromEnvironment(["DIOGELU_SMTP_HOST": "  ", "DIOGELU_SMTP_PORT": "bad"]) == nil)
    }

    @Test func minimalConfigurationDefaultsToSTARTTLSOnSubmissionPort() throws {
        let config = try #require(
            try SMTPConfiguration.fromEnvironment([
                "DIOGELU_SMTP_HOST": "smtp.example.org",
                "DIOGELU_SMTP_FROM": "hysbysiadau@example.org",
            ]))
        #expect(config.host == "smtp.example.org")
        #expect(config.port == 587)
        #expect(config.security == .startTLS)
        #expect(config.fromAddress == "hysbysiadau@example.org")
        #expect(config.fromName == "Diogelu")
        #expect(config.username == nil && config.password == nil)
        #expect(config.timeout == .seconds(30))
    }

    @Test func fullConfiguration() throws {
        let config = try #require(
            try SMTPConfiguration.fromEnvironment([
                "DIOGELU_SMTP_HOST": "mail.example.org",
                "DIOGELU_SMTP_PORT": "2525",
                "DIOGELU_SMTP_USERNAME": "diogelu",
                "DIOGELU_SMTP_PASSWORD": " secret with spaces ",
                "DIOGELU_SMTP_FROM": "Diogelu Caerdydd <hysbysiadau@example.org>",
                "DIOGELU_SMTP_SECURITY": "TLS",
            ]))
        #expect(config.port == 2525)
        #expect(config.security == .tls)
        #expect(config.username == "diogelu")
        #expect(config.password == " secret with spaces ")
        #expect(config.fromName == "Diogelu Caerdydd")
        #expect(config.fromAddress == "hysbysiadau@example.org")
        #expect(!config.description.contains("secret"))
    }

    @Test func implicitTLSDefaultsToPort465AndNoneTo25() throws {
        let tls = try SMTPConfiguration.fromEnvironment([
            "DIOGELU_SMTP_HOST": "h", "DIOGELU_SMTP_FROM": "a@b.org", "DIOGELU_SMTP_SECURITY": "tls",
        ])
        #expect(tls?.port == 465)
        let none = try SMTPConfiguration.fromEnvironment([
            "DIOGELU_SMTP_HOST": "h", "DIOGELU_SMTP_FROM": "a@b.org", "DIOGELU_SMTP_SECURITY": "none",
        ])
        #expect(none?.port == 25)
    }

    @Test func everyBadVariableIsListed() {
        let env = [
            "DIOGELU_SMTP_HOST": "smtp.example.org",
            "DIOGELU_SMTP_PORT": "70000",
            "DIOGELU_SMTP_USERNAME": "diogelu",
            "DIOGELU_SMTP_FROM": "not an address",
            "DIOGELU_SMTP_SECURITY": "ssl3",
        ]
        do {
            _ = try SMTPConfiguration.fromEnvironment(env)
            Issue.record("expected an error")
        } catch let NoticeDeliveryError.invalidConfiguration(problems) {
            #expect(problems.count == 4)
            let all = problems.joined(separator: "\n")
            for variable in ["DIOGELU_SMTP_PORT", "DIOGELU_SMTP_PASSWORD", "DIOGELU_SMTP_FROM", "DIOGELU_SMTP_SECURITY"] {
                #expect(all.contains(variable), "\(variable) not reported")
            }
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func missingFromAndNonNumericPort() {
        #expect(
            throws: NoticeDeliveryError.invalidConfiguration([
                "DIOGELU_SMTP_PORT must be a number from 1 to 65535",
                "DIOGELU_SMTP_FROM must be set when DIOGELU_SMTP_HOST is",
            ])
        ) {
            try SMTPConfiguration.fromEnvironment(["DIOGELU_SMTP_HOST": "smtp.example.org", "DIOGELU_SMTP_PORT": "smtp"])
        }
    }

    @Test func passwordWithoutUsernameAndBadHost() {
        do {
            _ = try SMTPConfiguration.fromEnvironment([
                "DIOGELU_SMTP_HOST": "smtp example org",
                "DIOGELU_SMTP_PASSWORD": "hunter2",
                "DIOGELU_SMTP_FROM": "a@example.org",
            ])
            Issue.record("expected an error")
        } catch {
            let text = String(describing: error)
            #expect(text.contains("DIOGELU_SMTP_HOST"))
            #expect(text.contains("DIOGELU_SMTP_USERNAME"))
            #expect(!text.contains("hunter2"))
        }
    }

    @Test func credentialsOverPlainTextOnlyForLoopback() throws {
        var env = [
            "DIOGELU_SMTP_HOST": "smtp.example.org",
            "DIOGELU_SMTP_USERNAME": "u",
            "DIOGELU_SMTP_PASSWORD": "p",
            "DIOGELU_SMTP_FROM": "a@example.org",
            "DIOGELU_SMTP_SECURITY": "none",
        ]
        #expect(throws: NoticeDeliveryError.self) { try SMTPConfiguration.fromEnvironment(env) }
        env["DIOGELU_SMTP_HOST"] = "127.0.0.1"
        #expect(try SMTPConfiguration.fromEnvironment(env)?.username == "u")
    }
}
