import ConferAPIContract
import ConferDomain

extension Components.Schemas.Topic {
    /// A topic with its plain texts in `language`, falling back to the conference's languages in order.
    init(_ topic: Topic, language: String, languages: [String]) {
        self.init(
            id: topic.id.uuidString.lowercased(), kind: topic.kind == .area ? .area : .topic,
            title: topic.texts.text("title", in: language, fallbacks: languages) ?? "",
            description: topic.texts.text("description", in: language, fallbacks: languages),
            position: topic.position,
            translations: .init(additionalProperties: topic.texts.byLanguage.mapValues {
                Components.Schemas.TopicTexts(title: $0["title"], description: $0["description"])
            }),
            createdAt: topic.createdAt, updatedAt: topic.updatedAt)
    }
}

extension Components.Schemas.TopicTranslations {
    var domain: Translations {
        Translations(additionalProperties.mapValues { texts in
            var fields: [String: String] = [:]
            fields["title"] = texts.title
            fields["description"] = texts.description
            return fields
        })
    }
}

extension Components.Schemas.TopicKind {
    var domain: TopicKind { self == .area ? .area : .topic }
}
