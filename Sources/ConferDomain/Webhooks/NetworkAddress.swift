import Foundation

/// Tells apart IP addresses that may be reached on the public Internet from loopback, private, link-local,
/// shared, multicast and reserved ones, so that a webhook cannot make the server call into its own network.
///
/// Used twice: on IP literals in a webhook's URL when it is saved, and by the delivery worker on every address
/// a host name resolves to (a public name may resolve to a private address).
public enum NetworkAddress {
    /// Whether `address` is a public IP address; nil when it is not an IP literal at all.
    ///
    /// Accepts IPv4 as exactly four decimal octets without leading zeros (`010.0.0.1` is octal to some resolvers,
    /// so it is not an unambiguous literal and yields nil), and IPv6 in full, compressed (`::`) or with an
    /// embedded IPv4 tail, optionally in brackets and with a zone (`%eth0`, which is never public).
    public static func isPublic(_ address: String) -> Bool? {
        if let v4 = ipv4Bytes(Substring(address)) { return isPublicIPv4(v4) }
        var text = Substring(address)
        if text.hasPrefix("[") && text.hasSuffix("]") && text.count >= 2 { text = text.dropFirst().dropLast() }
        var zoned = false
        if let percent = text.firstIndex(of: "%") {
            guard text.index(after: percent) < text.endIndex else { return nil }
            zoned = true
            text = text[..<percent]
        }
        guard let v6 = ipv6Bytes(text) else { return nil }
        // A zone names a local interface: the address is link-scoped whatever its bits say.
        if zoned { return false }
        return isPublicIPv6(v6)
    }

    // MARK: - Classification

    /// IPv4 blocks that are not globally reachable (IANA special-purpose registry, plus multicast and above).
    static let nonPublicIPv4: [(base: UInt32, prefix: Int)] = [
        (0x0000_0000, 8),   // 0.0.0.0/8 "this network"; 0.0.0.0 reaches the local host on many systems
        (0x0A00_0000, 8),   // 10.0.0.0/8 private
        (0x6440_0000, 10),  // 100.64.0.0/10 carrier-grade NAT
        (0x7F00_0000, 8),   // 127.0.0.0/8 loopback
        (0xA9FE_0000, 16),  // 169.254.0.0/16 link-local, where cloud metadata services live
        (0xAC10_0000, 12),  // 172.16.0.0/12 private
        (0xC000_0000, 24),  // 192.0.0.0/24 IETF protocol assignments
        (0xC000_0200, 24),  // 192.0.2.0/24 documentation
        (0xC058_6300, 24),  // 192.88.99.0/24 deprecated 6to4 relay anycast
        (0xC0A8_0000, 16),  // 192.168.0.0/16 private
        (0xC612_0000, 15),  // 198.18.0.0/15 benchmarking
        (0xC633_6400, 24),  // 198.51.100.0/24 documentation
        (0xCB00_7100, 24),  // 203.0.113.0/24 documentation
        (0xE000_0000, 3),   // 224.0.0.0/4 multicast, 240.0.0.0/4 reserved, 255.255.255.255 broadcast
    ]

    static func isPublicIPv4(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 4 else { return false }
        let value = bytes.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return !nonPublicIPv4.contains { block in
            let mask: UInt32 = block.prefix == 0 ? 0 : ~UInt32(0) << (32 - block.prefix)
            return value & mask == block.base
        }
    }

    /// Only global unicast (2000::/3) minus its special blocks is public; everything else (::, ::1, fc00::/7,
    /// fe80::/10, fec0::/10, ff00::/8, …) is not. Forms that carry an IPv4 address are judged by that address,
    /// since that is where a connection would end up.
    static func isPublicIPv6(_ b: [UInt8]) -> Bool {
        guard b.count == 16 else { return false }
        let tail = Array(b[12..<16])
        let firstTenZero = b[0..<10].allSatisfy { $0 == 0 }
        if firstTenZero && b[10] == 0xFF && b[11] == 0xFF { return isPublicIPv4(tail) }       // ::ffff:a.b.c.d mapped
        if firstTenZero && b[10] == 0 && b[11] == 0 { return isPublicIPv4(tail) }             // ::a.b.c.d compatible, ::, ::1
        if b[0..<8].allSatisfy({ $0 == 0 }) && b[8] == 0xFF && b[9] == 0xFF && b[10] == 0 && b[11] == 0 {
            return isPublicIPv4(tail)                                                        // ::ffff:0:a.b.c.d translated
        }
        if b[0..<4] == [0x00, 0x64, 0xFF, 0x9B] && b[4..<12].allSatisfy({ $0 == 0 }) {
            return isPublicIPv4(tail)                                                        // 64:ff9b::/96 NAT64
        }
        if b[0] == 0x20 && b[1] == 0x02 { return isPublicIPv4(Array(b[2..<6])) }             // 2002::/16 6to4
        guard b[0] & 0xE0 == 0x20 else { return false }                                      // outside 2000::/3
        if b[0] == 0x20 && b[1] == 0x01 && b[2] & 0xFE == 0 { return false }                 // 2001::/23 incl. Teredo
        if b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8 { return false }     // 2001:db8::/32 documentation
        if b[0] == 0x3F && b[1] == 0xFF && b[2] & 0xF0 == 0 { return false }                 // 3fff::/20 documentation
        return true
    }

    // MARK: - Parsing

    /// Four decimal octets, each 0–255 without leading zeros.
    static func ipv4Bytes(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard (1...3).contains(part.utf8.count), part.utf8.allSatisfy(isDecimalDigit) else { return nil }
            if part.utf8.count > 1 && part.utf8.first == UInt8(ascii: "0") { return nil }
            guard let octet = UInt8(part) else { return nil }
            bytes.append(octet)
        }
        return bytes
    }

    /// The 16 bytes of an IPv6 address: eight groups of 1–4 hex digits, at most one `::` standing for one or more
    /// zero groups, and optionally a dotted IPv4 address in place of the last two groups.
    static func ipv6Bytes(_ text: Substring) -> [UInt8]? {
        // The longest valid form is 45 characters (six full groups and a dotted IPv4 tail).
        guard text.contains(":"), text.utf8.count <= 45 else { return nil }
        let halves = String(text).components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        let compressed = halves.count == 2
        guard let head = ipv6Groups(halves[0], ipv4TailAllowed: !compressed) else { return nil }
        var tail: [UInt8] = []
        if compressed {
            guard let right = ipv6Groups(halves[1], ipv4TailAllowed: true) else { return nil }
            tail = right
        }
        if compressed {
            guard head.count + tail.count <= 14 else { return nil }
            return head + [UInt8](repeating: 0, count: 16 - head.count - tail.count) + tail
        }
        return head.count == 16 ? head : nil
    }

    /// The bytes of a colon-separated run of groups (one side of `::`); "" is an empty run.
    private static func ipv6Groups(_ run: String, ipv4TailAllowed: Bool) -> [UInt8]? {
        if run.isEmpty { return [] }
        let groups = run.split(separator: ":", omittingEmptySubsequences: false)
        var bytes: [UInt8] = []
        for (index, group) in groups.enumerated() {
            if index == groups.count - 1 && ipv4TailAllowed && group.contains(".") {
                guard let v4 = ipv4Bytes(group) else { return nil }
                bytes += v4
                continue
            }
            guard (1...4).contains(group.utf8.count), group.utf8.allSatisfy(isHexDigit),
                  let value = UInt16(group, radix: 16) else { return nil }
            bytes += [UInt8(value >> 8), UInt8(value & 0xFF)]
        }
        return bytes.count <= 16 ? bytes : nil
    }

    static func isDecimalDigit(_ c: UInt8) -> Bool {
        c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
    }

    static func isHexDigit(_ c: UInt8) -> Bool {
        isDecimalDigit(c) || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "f"))
            || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "F"))
    }
}
