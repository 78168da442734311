import ConferAPIContract
import ConferDomain
import ConferUseCases
import Foundation

// Rooms of the venue.
//
// | operation                                 | who       |
// |-------------------------------------------|-----------|
// | GET …/rooms, …/rooms/{roomId}             | anyone    |
// | POST …/rooms; PATCH, DELETE …/{roomId}    | organizer |
extension APIHandler {
    func createRoom(_ input: Operations.CreateRoom.Input) async throws -> Operations.CreateRoom.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        guard case .json(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let room = try await CreateRoom(context).run(name: body.name, capacity: body.capacity, in: conference, by: access)
        return .created(.init(headers: .init(location: "/v1/conferences/\(conference.slug)/rooms"), body: .json(.init(room))))
    }

    func listRooms(_ input: Operations.ListRooms.Input) async throws -> Operations.ListRooms.Output {
        let conference = try await conference(input.path.slug)
        let page = try PageRequest.parse(limit: input.query.limit, cursor: input.query.cursor)
        let rooms = Page.of(try await deps.program.rooms(conferenceId: conference.id), page) { [$0.name, SortKey.id($0.id)] }
        return .ok(.init(body: .json(.init(items: rooms.items.map(Components.Schemas.Room.init), nextCursor: rooms.nextCursor))))
    }

    func getRoom(_ input: Operations.GetRoom.Input) async throws -> Operations.GetRoom.Output {
        let conference = try await conference(input.path.slug)
        let id = try uuid(input.path.roomId, "room")
        guard let room = try await deps.program.rooms(conferenceId: conference.id).first(where: { $0.id == id }) else {
            throw ProgramRules.roomNotFound(id)
        }
        return .ok(.init(headers: .init(eTag: ETag.make(room.version)), body: .json(.init(room))))
    }

    func updateRoom(_ input: Operations.UpdateRoom.Input) async throws -> Operations.UpdateRoom.Output {
        guard case .applicationMergePatchJson(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        let room = try await ChangeRoom(context).run(
            try uuid(input.path.roomId, "room"), RoomPatch(name: body.name, capacity: body.capacity, cleared: MergePatchBody.nulls),
            ifMatch: input.headers.ifMatch, in: conference, by: access)
        return .ok(.init(headers: .init(eTag: ETag.make(room.version)), body: .json(.init(room))))
    }

    func deleteRoom(_ input: Operations.DeleteRoom.Input) async throws -> Operations.DeleteRoom.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        try await DeleteRoom(context).run(try uuid(input.path.roomId, "room"), in: conference, by: access)
        return .noContent(.init())
    }
}

extension Components.Schemas.Room {
    init(_ room: Room) { self.init(id: room.id.uuidString.lowercased(), name: room.name, capacity: room.capacity) }
}
