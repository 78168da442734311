import Foundation

/// Whether a read inside a transaction locks what it reads until the transaction ends.
public enum RowLock: Sendable {
    case none
    /// `FOR UPDATE`: other writers of these rows wait for this transaction, so what it read stays true until it commits.
    case forUpdate
}

/// Runs the units of work of the use cases: everything a unit writes lands together or not at all, and a unit that
/// throws writes nothing.
public protocol Store: Sendable {
    func transaction<T: Sendable>(_ work: @escaping @Sendable (any Transaction) async throws -> T) async throws -> T
}

/// One unit of work: the locked reads and plain writes of every area, and both outboxes. Data access only: what is
/// decided from what it reads is decided by the domain's rules, in the use case.
public protocol Transaction:
    AccountTransaction, ConferenceTransaction, SubmissionTransaction, ReviewTransaction, RegistrationTransaction,
    ProgramTransaction, WebhookTransaction, OutboxTransaction {}
