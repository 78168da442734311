import Foundation

/// The letters every conference starts with, in French and in English. Organizers reword them per language
/// (`PUT …/mail-templates/{kind}`); `DELETE` brings these back.
public enum DefaultMailTemplates {
    public static func french(_ kind: MailKind) -> MailText {
        switch kind {
        case .decisionAccepted:
            MailText(
                subject: "{{conference.name}} : votre proposition n° {{submission.number}} est acceptée",
                body: """
                    Bonjour {{recipient.name}},

                    Nous avons le plaisir de vous annoncer que votre proposition « {{submission.title}} » a été acceptée (format : {{submission.format}}).
                    \(frenchComments)
                    Le comité d'organisation de {{conference.name}}

                    """)
        case .decisionRejected:
            MailText(
                subject: "{{conference.name}} : votre proposition n° {{submission.number}} est refusée",
                body: """
                    Bonjour {{recipient.name}},

                    Nous avons le regret de vous annoncer que votre proposition « {{submission.title}} » n'a pas été retenue.
                    \(frenchComments)
                    Le comité d'organisation de {{conference.name}}

                    """)
        case .registrationConfirmed:
            MailText(
                subject: "{{conference.name}} : votre inscription est confirmée",
                body: """
                    Bonjour {{recipient.name}},

                    Votre inscription à {{conference.name}} ({{registration.category}}, {{registration.amount}}) est confirmée.

                    L'équipe d'organisation

                    """)
        case .registrationWaitlisted:
            MailText(
                subject: "{{conference.name}} : vous êtes en liste d'attente",
                body: """
                    Bonjour {{recipient.name}},

                    La catégorie {{registration.category}} est complète : vous êtes en liste d'attente, en position {{registration.waitlistPosition}}. Nous vous écrirons dès qu'une place se libère.

                    L'équipe d'organisation

                    """)
        case .registrationPromoted:
            MailText(
                subject: "{{conference.name}} : votre inscription est confirmée",
                body: """
                    Bonjour {{recipient.name}},

                    Une place s'est libérée : votre inscription, jusqu'ici en liste d'attente, est confirmée.

                    L'équipe d'organisation
                    """)
        case .registrationCancelled:
            MailText(
                subject: "{{conference.name}} : votre inscription est annulée",
                body: """
                    Bonjour {{recipient.name}},

                    Votre inscription à {{conference.name}} est annulée.

                    L'équipe d'organisation

                    """)
        case .reviewAssigned:
            MailText(
                subject: "{{conference.name}} : {{count}} proposition(s) à évaluer",
                body: """
                    Bonjour {{recipient.name}},

                    Le comité vous confie l'évaluation de ces propositions :
                    {{#submissions}}
                    - n° {{number}} « {{title}} »
                    {{/submissions}}

                    Merci pour votre aide.
                    Le comité d'organisation de {{conference.name}}

                    """)
        case .reviewReminder:
            MailText(
                subject: "{{conference.name}} : rappel, {{count}} évaluation(s) en attente",
                body: """
                    Bonjour {{recipient.name}},

                    Nous attendons encore votre évaluation de ces propositions :
                    {{#submissions}}
                    - n° {{number}} « {{title}} »
                    {{/submissions}}

                    Merci pour votre aide.
                    Le comité d'organisation de {{conference.name}}

                    """)
        }
    }

    public static func english(_ kind: MailKind) -> MailText {
        switch kind {
        case .decisionAccepted:
            MailText(
                subject: "{{conference.name}}: your proposal #{{submission.number}} is accepted",
                body: """
                    Dear {{recipient.name}},

                    We are pleased to tell you that your proposal "{{submission.title}}" has been accepted (format: {{submission.format}}).
                    \(englishComments)
                    The organizing committee of {{conference.name}}

                    """)
        case .decisionRejected:
            MailText(
                subject: "{{conference.name}}: your proposal #{{submission.number}} is rejected",
                body: """
                    Dear {{recipient.name}},

                    We regret to tell you that your proposal "{{submission.title}}" has not been accepted.
                    \(englishComments)
                    The organizing committee of {{conference.name}}

                    """)
        case .registrationConfirmed:
            MailText(
                subject: "{{conference.name}}: your registration is confirmed",
                body: """
                    Dear {{recipient.name}},

                    Your registration for {{conference.name}} ({{registration.category}}, {{registration.amount}}) is confirmed.

                    The organizing team

                    """)
        case .registrationWaitlisted:
            MailText(
                subject: "{{conference.name}}: you are on the waiting list",
                body: """
                    Dear {{recipient.name}},

                    The {{registration.category}} category is full: you are on the waiting list, in position {{registration.waitlistPosition}}. We will write as soon as a place becomes free.

                    The organizing team

                    """)
        case .registrationPromoted:
            MailText(
                subject: "{{conference.name}}: your registration is confirmed",
                body: """
                    Dear {{recipient.name}},

                    A place became free: your registration, until now on the waiting list, is confirmed.

                    The organizing team
                    """)
        case .registrationCancelled:
            MailText(
                subject: "{{conference.name}}: your registration is cancelled",
                body: """
                    Dear {{recipient.name}},

                    Your registration for {{conference.name}} is cancelled.

                    The organizing team

                    """)
        case .reviewAssigned:
            MailText(
                subject: "{{conference.name}}: {{count}} proposal(s) to review",
                body: """
                    Dear {{recipient.name}},

                    The committee asks you to review these proposals:
                    {{#submissions}}
                    - #{{number}} "{{title}}"
                    {{/submissions}}

                    Thank you for your help.
                    The organizing committee of {{conference.name}}

                    """)
        case .reviewReminder:
            MailText(
                subject: "{{conference.name}}: reminder, {{count}} review(s) still due",
                body: """
                    Dear {{recipient.name}},

                    We are still waiting for your review of these proposals:
                    {{#submissions}}
                    - #{{number}} "{{title}}"
                    {{/submissions}}

                    Thank you for your help.
                    The organizing committee of {{conference.name}}

                    """)
        }
    }

    // Standalone section tags leave no line behind, so without comments the letter reads as if they were not there.
    private static let frenchComments = """
        {{#hasComments}}

        Commentaires du comité scientifique :
        {{/hasComments}}
        {{#comments}}

        — Évaluation {{number}} —
        {{text}}
        {{/comments}}

        """
    private static let englishComments = """
        {{#hasComments}}

        Comments from the scientific committee:
        {{/hasComments}}
        {{#comments}}

        — Review {{number}} —
        {{text}}
        {{/comments}}

        """
}
