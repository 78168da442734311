import NIOCore

/// Turns the bytes the server sends into replies (RFC 5321 §4.2: `250-first line`, …, `250 last line`) and hands
/// each to the oldest waiting command, or keeps it until one asks (the greeting arrives unasked).
final class SMTPReplyDecoder: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    /// Longer than any reply line RFC 5321 allows (512 octets), short enough that a hostile server cannot fill memory.
    static let maxLineLength = 4096

    private var partial: [UInt8] = []
    private var lines: [String] = []
    private var ready: [Result<SMTPReply, any Error>] = []
    private var waiting: [EventLoopPromise<SMTPReply>] = []
    private var failure: (any Error)?

    /// Completes `promise` with the next reply, now if one has arrived.
    func expect(_ promise: EventLoopPromise<SMTPReply>) {
        if !ready.isEmpty {
            promise.completeWith(ready.removeFirst())
        } else if let failure {
            promise.fail(failure)
        } else {
            waiting.append(promise)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        guard let bytes = buffer.readBytes(length: buffer.readableBytes) else { return }
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                if partial.last == UInt8(ascii: "\r") { partial.removeLast() }
                line(String(decoding: partial, as: UTF8.self), context: context)
                partial.removeAll(keepingCapacity: true)
            } else {
                partial.append(byte)
                if partial.count > Self.maxLineLength {
                    fail(SMTPError.malformedReply("a line longer than \(Self.maxLineLength) octets"), context: context)
                    return
                }
            }
        }
    }

    private func line(_ text: String, context: ChannelHandlerContext) {
        let scalars = Array(text.utf8)
        guard scalars.count >= 3, scalars.prefix(3).allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let code = Int(String(decoding: scalars.prefix(3), as: UTF8.self)),
              scalars.count == 3 || scalars[3] == UInt8(ascii: " ") || scalars[3] == UInt8(ascii: "-")
        else {
            fail(SMTPError.malformedReply(text), context: context)
            return
        }
        lines.append(scalars.count > 4 ? String(decoding: scalars.dropFirst(4), as: UTF8.self) : "")
        // A hyphen after the code says more lines of this reply follow.
        if scalars.count > 3 && scalars[3] == UInt8(ascii: "-") { return }
        deliver(.success(SMTPReply(code: code, lines: lines)))
        lines = []
    }

    private func deliver(_ result: Result<SMTPReply, any Error>) {
        if waiting.isEmpty {
            ready.append(result)
        } else {
            waiting.removeFirst().completeWith(result)
        }
    }

    private func fail(_ error: any Error, context: ChannelHandlerContext) {
        guard failure == nil else { return }
        failure = error
        let promises = waiting
        waiting = []
        for promise in promises { promise.fail(error) }
        context.close(promise: nil)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error, context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(SMTPError.connectionClosed, context: context)
        context.fireChannelInactive()
    }
}
