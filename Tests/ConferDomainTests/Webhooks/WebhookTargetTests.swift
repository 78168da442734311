import Foundation
import Testing
@testable import ConferDomain

@Suite("WebhookRules.checkTarget")
struct WebhookTargetTests {
    static let privateTargets = [
        "http://127.0.0.1:8080/x",
        "http://[::1]/",
        "http://10.1.2.3",
        "http://192.168.0.1",
        "http://172.31.255.255/",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://169.254.169.254/latest/meta-data",
        "http://localhost:9000",
        "http://LOCALHOST./",
        "http://app.localhost/",
        "http://printer.local/",
        "http://foo.internal",
        "http://nas.home.arpa/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:a9fe:a9fe]/",
        "http://[fe80::1%25eth0]/",
        "http://[fd00::1]/",
        "http://2130706433/",
        "http://0x7f.1/",
        "http://127.1/",
        "http://0177.0.0.1/",
        "http://%31%32%37.0.0.1/",
    ]

    @Test("Targets in the server's own network are refused", arguments: privateTargets)
    func refused(url: String) {
        let problem = WebhookRules.checkTarget(url, allowPrivate: false)
        #expect(problem != nil)
        var input = WebhookFixtures.input(url: url)
        input.events = ["decision.made"]
        #expect(WebhookFixtures.issues(input).map(\.field) == ["url"])
    }

    @Test("The refusal says why")
    func messages() {
        #expect(WebhookRules.checkTarget("http://127.0.0.1:8080/x", allowPrivate: false)
                == "must not point to a private, loopback, link-local or reserved address")
        #expect(WebhookRules.checkTarget("http://[::1]/", allowPrivate: false)
                == "must not point to a private, loopback, link-local or reserved address")
        #expect(WebhookRules.checkTarget("http://foo.internal", allowPrivate: false)
                == "must not point to a local or internal host (localhost, *.localhost, *.local, *.internal, *.home.arpa)")
        #expect(WebhookRules.checkTarget("http://2130706433/", allowPrivate: false)
                == "must write an IPv4 address as four decimal numbers, such as 93.184.216.34")
        #expect(WebhookRules.checkTarget("http://[1:2:3]/", allowPrivate: true) == "must name a valid IPv6 address")
    }

    @Test("The same targets are accepted when private targets are allowed", arguments: privateTargets)
    func allowed(url: String) throws {
        #expect(WebhookRules.checkTarget(url, allowPrivate: true) == nil)
        let webhook = try WebhookFixtures.create(WebhookFixtures.input(url: url), allowPrivate: true)
        #expect(webhook.url == url)
    }

    @Test("Public targets are accepted", arguments: [
        "https://hooks.example.org/confer",
        "http://93.184.216.34/",
        "https://hooks.example.org:8443/in?token=abc",
        "https://[2606:2800:220:1:248:1893:25c8:1946]/hook",
        "https://cafe.de/",
        "https://1password.example.com/",
        "https://my.localhost.example.org/",
    ])
    func accepted(url: String) throws {
        #expect(WebhookRules.checkTarget(url, allowPrivate: false) == nil)
    }
}
