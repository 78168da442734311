import ConferDomain
import Foundation

/// Who may call an operation at all, checked before its body is read (`AuthorizationMiddleware`): a caller without
/// the role gets 401, 403 or 404, never a 422 about a body they had no right to send. What depends on the request's
/// content or the resource's state (the deadline, a proposal's status) stays with the use case, which checks the role
/// again inside its transaction.
enum Gate: Sendable, Equatable {
    case anyone
    /// A valid bearer token.
    case signedIn
    /// The platform administrator.
    case admin
    /// An organizer of the conference in the path (or the platform admin).
    case organizer
    /// An organizer or a reviewer of the conference in the path.
    case committee
    /// Concerning the proposal in the path: 404 to whoever may not know it, 403 to whoever may not do this to it.
    case proposal(ProposalRight)
    /// Concerning the registration in the path: 404 to whoever may not see it, 403 to whoever may not do this to it.
    case registration(RegistrationRight)

    enum ProposalRight: Sendable, Equatable {
        /// Its corresponding author, or an organizer.
        case edit
        /// An organizer.
        case decide
        /// A reviewer assigned to it.
        case review
    }

    enum RegistrationRight: Sendable, Equatable {
        /// Its attendee, or an organizer.
        case attendee
        /// An organizer.
        case organizer
    }
}

/// The gate of every operation of `openapi.yaml`, by operation id: one table, checked by a test against the contract.
enum OperationAccess {
    static let gates: [String: Gate] = [
        "getHealth": .anyone,
        // Accounts and tokens
        "createAccount": .anyone, "createToken": .anyone,
        "getAccount": .signedIn, "revokeCurrentToken": .signedIn, "getMe": .signedIn,
        "listMySubmissions": .signedIn, "listMyRegistrations": .signedIn, "listMyAssignments": .signedIn,
        // Conferences, members, topics
        "listConferences": .anyone, "getConference": .anyone, "createConference": .admin, "updateConference": .organizer,
        "listMembers": .organizer, "putMember": .organizer, "getMember": .organizer, "deleteMember": .organizer,
        "listTopics": .anyone, "getTopic": .anyone, "createTopic": .organizer, "updateTopic": .organizer,
        "deleteTopic": .organizer,
        // The call for papers
        "createSubmission": .signedIn, "listSubmissions": .signedIn, "getSubmission": .signedIn,
        "listSubmissionHistory": .signedIn, "getSubmissionStats": .organizer, "listSimilarSubmissions": .organizer,
        "updateSubmission": .proposal(.edit), "submitSubmission": .proposal(.edit), "withdrawSubmission": .proposal(.edit),
        "deleteSubmission": .proposal(.edit),
        // Review
        "createAssignment": .organizer, "deleteAssignment": .organizer, "autoAssign": .organizer,
        "listAssignments": .committee, "declareConflict": .committee, "listConflicts": .committee,
        "createReview": .proposal(.review), "updateReview": .proposal(.review), "listReviews": .signedIn, "getReview": .signedIn,
        "decideSubmission": .proposal(.decide), "sendNotifications": .organizer, "listOutbox": .organizer,
        "getOutboxMessage": .organizer,
        // Registration
        "createRegistrationCategory": .organizer, "listRegistrationCategories": .anyone, "getRegistrationCategory": .anyone,
        "updateRegistrationCategory": .organizer, "deleteRegistrationCategory": .organizer,
        "createRegistration": .signedIn, "listRegistrations": .signedIn, "getRegistration": .signedIn,
        "getRegistrationStats": .organizer, "updateRegistration": .registration(.organizer),
        "cancelRegistration": .registration(.attendee), "checkInRegistration": .registration(.organizer),
        "createVoucher": .organizer, "listVouchers": .organizer, "getVoucher": .organizer, "updateVoucher": .organizer,
        "deleteVoucher": .organizer, "listBadges": .organizer,
        // Program
        "createRoom": .organizer, "listRooms": .anyone, "getRoom": .anyone, "updateRoom": .organizer, "deleteRoom": .organizer,
        "createSession": .organizer, "listSessions": .anyone, "getSession": .anyone, "getTalk": .anyone,
        "updateSession": .organizer, "deleteSession": .organizer, "createTalk": .organizer, "moveTalk": .organizer,
        "deleteTalk": .organizer, "scheduleProgram": .organizer, "releaseProgram": .organizer,
        "listProgramReleases": .anyone, "getProgram": .anyone, "getProgramChanges": .anyone, "getProgramCalendar": .anyone,
        // Webhooks
        "createWebhook": .organizer, "listWebhooks": .organizer, "getWebhook": .organizer, "updateWebhook": .organizer,
        "deleteWebhook": .organizer, "rotateWebhookSecret": .organizer, "listWebhookDeliveries": .organizer,
        "redeliverWebhookDelivery": .organizer,
    ]
}
