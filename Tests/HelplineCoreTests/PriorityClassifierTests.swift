import HelplineCore
import Testing

/// The ticket priority of questions the help center could not answer: labelled questions in
/// English and Danish (with and without æøå, chat style, typos), the reason kept on the ticket,
/// conversation context, negation, and language detection.
struct PriorityClassifierTests {
    static let classifier = PriorityClassifier()

    // MARK: - Labelled questions

    /// 1 Urgent: the service is down, and everyone is affected or there is no workaround.
    static let urgentEnglish: [(String, Int)] = [
        ("Zoom is down for our whole company, nobody can join any meeting", 1),
        ("nobody in the office can log in, it just says service unavailable", 1),
        ("URGENT: all our users get error 5003 and can't connect to meetings", 1),
        ("the whole platform is down, we tried different browsers and computers, nothing works", 1),
        ("none of us can start meetings today, is zoom down??", 1),
        ("app wont load for anyone at our school", 1),
        ("Everyone in the company gets kicked out and can't rejoin", 1),
        ("zoom doesnt work at all, tried restarting, reinstalling, other wifi, still nothing", 1),
        ("Our webinar platform is completely down for all attendees and 500 people are waiting", 1),
        ("cant sign in on any device, tried 3 browsers and reset my password already, no way to get in", 1),
        ("outage? every single meeting fails to start for all our teams", 1),
        ("None of our employees can access zoom since 9am", 1),
        ("meetings won't connect for anybody here and we have no workaround", 1),
        ("Server down for the entire organisation!!!", 1),
        ("it's down for evryone, our customers can't reach us and there's no other way to meet", 1),
        ("no one in the company can connect since the update, we reinstalled already", 1),
        // A white screen is what users see; the app is what failed.
        ("the desktop app only shows a blank white screen for all of us", 1),
    ]

    static let urgentDanish: [(String, Int)] = [
        ("Zoom er nede for hele firmaet, ingen kan komme ind i møderne", 1),
        ("Ingen af os kan logge ind, vi har prøvet alt", 1),
        ("Hele kontoret kan ikke forbinde til nogen møder, det haster!", 1),
        ("Alle vores brugere får fejl og kan ikke starte møder", 1),
        ("Platformen er gået ned for alle medarbejdere", 1),
        ("zoom er nede for alle, intet virker", 1),
        ("ingen kan deltage i moeder, vi har proevet at genstarte og geninstallere", 1),
        ("hele virksomheden kan ikke logge ind og vi har ingen mulighed for at holde moeder", 1),
        ("appen vil ikke starte for nogen af os, vi har prøvet alt", 1),
        ("der er nedbrud for alle brugere, kunderne venter", 1),
        ("alt er nede hos os, ingen kan holde møder", 1),
        ("Appen viser kun en hvid skærm for alle hos os", 1),
        ("Ingen af vores 40 lærere kan logge ind i dag", 1),
    ]

    /// 2 High: the service is affected: down for one user or some, degraded, or a feature broken for
    /// everyone or with business impact.
    static let highEnglish: [(String, Int)] = [
        ("I can't log in to Zoom, it keeps saying something went wrong", 2),
        ("video is super laggy in every meeting today", 2),
        ("Audio keeps cutting out for some participants", 2),
        ("zoom is really slow today, takes forever to load meetings", 2),
        ("meetings keep dropping every 10 minutes", 2),
        ("I can't join my meetings and my client presentation is in 15 minutes", 2),
        ("Some of our users can't connect to meetings", 2),
        ("screen sharing is broken for everyone in our company", 2),
        ("the desktop app crashes on startup", 2),
        ("calls are choppy and freezing, hard to talk to anyone", 2),
        ("connection is unstable, I get disconnected from meetings all the time", 2),
        ("Zoom won't open on my laptop and I have a customer call now, please help asap", 2),
        ("my webinar attendees are stuck in the waiting room and we're live right now", 2),
        ("Recording fails for all our meetings", 2),
        ("Is zoom down? I can't connect", 2),
        ("I'm trying to log in but it doesn't work", 2),
        ("zoom is down for me", 2),
        // The account is named in passing, far from what was shut down: not an outage.
        ("the guy who set up our company's account quit and his mailbox has been shut down, none of us can change billing", 2),
    ]

    static let highDanish: [(String, Int)] = [
        ("Lyden hakker hele tiden i vores møder", 2),
        ("Zoom er meget langsom i dag", 2),
        ("Jeg kan ikke logge ind og har et kundemøde om 10 minutter", 2),
        ("Billedet fryser konstant når vi holder webinarer", 2),
        ("Nogle af vores brugere kan ikke komme ind i møderne", 2),
        ("vi bliver smidt ud af moederne hele tiden", 2),
        ("forbindelsen er ustabil og vi mister forbindelsen flere gange i timen", 2),
        ("skaermdeling virker ikke for nogen i firmaet", 2),
        ("appen crasher hver gang jeg åbner den", 2),
        ("Zoom virker ikke paa min computer, det haster", 2),
        ("Jeg prøver at logge ind men det virker ikke", 2),
    ]

    /// 3 Normal: a problem with one or more features.
    static let normalEnglish: [(String, Int)] = [
        ("my microphone doesn't work in meetings", 3),
        ("the record button is greyed out", 3),
        ("I get an error when I try to upload a virtual background", 3),
        ("people can't hear me even though my mic is unmuted", 3),
        ("breakout rooms are not working", 3),
        ("calendar integration stopped syncing with outlook", 3),
        ("chat messages dont show up for me", 3),
        ("my recording is missing from the cloud", 3),
        ("why does my camera show a black screen", 3),
        ("cant change my profile picture, it says upload failed", 3),
        ("Polls won't launch in my meeting", 3),
        ("there's an echo when I talk", 3),
        ("Transcripts come out in the wrong language", 3),
        ("Not urgent, but my virtual background keeps disappearing", 3),
        ("I'm having trouble with the whiteboard, nothing saves", 3),
        ("For some reason my mic doesn't work", 3),
        ("I don't see the share screen button anymore", 3),
    ]

    static let normalDanish: [(String, Int)] = [
        ("Min mikrofon virker ikke", 3),
        ("Kameraet viser bare sort skærm", 3),
        ("Jeg får en fejlbesked når jeg prøver at dele skærm", 3),
        ("Optagelsen mangler i skyen", 3),
        ("lyden virker ikke i grupperummene", 3),
        ("kan ikke aendre mit navn i profilen", 3),
        ("chatten virker ikke laengere efter opdateringen", 3),
        ("baggrundsbilledet forsvinder hele tiden", 3),
        ("Hvorfor kan jeg ikke se deltagerlisten?", 3),
        ("Der er ekko paa lyden naar vi ringer ind", 3),
        ("Mit navn vises forkert i møder", 3),
        ("knappen til optagelse er grå", 3),
    ]

    /// 4 Low: information or help with capabilities, no business impact.
    static let lowEnglish: [(String, Int)] = [
        ("How do I schedule a recurring meeting?", 4),
        ("can I change my display name before joining?", 4),
        ("Is it possible to record to the cloud on the pro plan?", 4),
        ("what's the max number of participants in a webinar", 4),
        ("Not urgent, just curious how breakout rooms work", 4),
        ("where do I find my recordings?", 4),
        ("Does zoom support live transcription in Danish?", 4),
        ("how to share only one window instead of the whole screen", 4),
        ("Can everyone in the meeting see my private chat messages?", 4),
        ("What's the difference between a meeting and a webinar?", 4),
        ("hi, how do I set up SSO for our company?", 4),
        ("Can I use a virtual background without a green screen?", 4),
        ("how do i mute all participants when they join", 4),
        ("I can't find where to turn on live captions", 4),
        ("what happens to my recordings if my subscription ends?", 4),
        ("How do I know if zoom is down?", 4),
        ("How do I record in black and white video?", 4),
        ("I can't decide which plan to get, what's the difference?", 4),
    ]

    static let lowDanish: [(String, Int)] = [
        ("Hvordan planlægger jeg et møde?", 4),
        ("Kan man optage et møde på gratisplanen?", 4),
        ("Hvor finder jeg mine optagelser?", 4),
        ("Er det muligt at dele skærm med lyd?", 4),
        ("hvordan aendrer jeg min baggrund", 4),
        ("hvad koster business planen", 4),
        ("kan man have mere end 100 deltagere i et webinar", 4),
        ("Det haster ikke, men hvordan laver jeg grupperum?", 4),
        ("Hvordan slår jeg lyden fra for alle deltagere?", 4),
        ("hvor kan jeg se hvem der deltog i moedet", 4),
        ("Hvad sker der hvis zoom går ned under et webinar?", 4),
        ("Er det muligt at have flere værter?", 4),
    ]

    static let english = urgentEnglish + highEnglish + normalEnglish + lowEnglish
    static let danish = urgentDanish + highDanish + normalDanish + lowDanish

    @Test(arguments: english + danish)
    func labelledQuestion(question: String, expected: Int) {
        let got = Self.classifier.classify(question)
        #expect(got.level == expected, "\(question.debugDescription): expected \(expected), got \(got.level) (\(got.reason))")
        #expect(!got.reason.isEmpty, "\(question.debugDescription): empty reason")
    }

    /// The table itself: enough rows for every level, about 40% Danish, both Danish spellings.
    @Test func tableCoversEveryLevelAndBothLanguages() {
        let rows = Self.english + Self.danish
        #expect(rows.count >= 80)
        for level in 1...4 {
            #expect(rows.filter { $0.1 == level }.count >= 20, "level \(level)")
        }
        let danishShare = Double(Self.danish.count) / Double(rows.count)
        #expect(danishShare >= 0.35 && danishShare <= 0.45, "Danish share \(danishShare)")
        let withLetters = Self.danish.filter { $0.0.contains { "æøåÆØÅ".contains($0) } }
        #expect(withLetters.count >= 10 && Self.danish.count - withLetters.count >= 10)
        #expect(Set(rows.map(\.0)).count == rows.count, "a question appears twice")
    }

    // MARK: - Reason

    /// The reason says what was decided and quotes the cues that decided it.
    @Test(arguments: [
        ("Zoom is down for our whole company, nobody can join any meeting",
         ["service down for everyone", "zoom is down", "whole company", "nobody can"]),
        ("the whole platform is down, we tried different browsers and computers, nothing works",
         ["no workaround", "platform is down", "nothing works"]),
        ("Ingen af os kan logge ind, vi har prøvet alt", ["service down for everyone", "ingen af os kan", "prøvet alt"]),
        ("I can't join my meetings and my client presentation is in 15 minutes",
         ["business impact", "can't join", "in 15 minutes"]),
        ("Lyden hakker hele tiden i vores møder", ["degraded", "hakker"]),
        ("screen sharing is broken for everyone in our company", ["feature broken for everyone", "broken", "everyone"]),
        ("my microphone doesn't work in meetings", ["feature problem", "microphone doesn't work"]),
        ("Min mikrofon virker ikke", ["feature problem", "mikrofon virker ikke"]),
        ("Hvordan planlægger jeg et møde?", ["information", "hvordan"]),
        ("Not urgent, but my virtual background keeps disappearing", ["feature problem", "not urgent"]),
    ] as [(String, [String])])
    func reasonNamesTheDecidingCues(question: String, quotes: [String]) {
        let reason = Self.classifier.classify(question).reason
        for quote in quotes {
            #expect(reason.lowercased().contains(quote), "\(question.debugDescription): \(quote.debugDescription) not in \(reason.debugDescription)")
        }
    }

    // MARK: - Conversation

    /// Earlier questions count at a discount: they say what a follow-up refers to, who is
    /// affected and what is at stake, but neither make a new question a problem nor lower one.
    @Test(arguments: [
        (["Zoom is down for our whole office"], "still not working", 1),
        (["Zoom is down for our whole office"], "any update??", 1),
        (["zoom er nede for hele firmaet"], "det virker stadig ikke", 1),
        (["zoom er nede for hele firmaet"], "stadig nede?", 1),
        (["Zoom won't load on my laptop"], "still not working, tried restarting and reinstalling", 1),
        (["Zoom won't load on my laptop"], "still not working", 2),
        (["my camera is not working"], "still not working", 3),
        (["Vi har webinar med 300 kunder om 10 minutter"], "knappen til skærmdeling mangler", 2),
        (["Zoom is down for our whole office"], "how do I change my display name", 4),
        (["Not urgent, just wondering how breakout rooms work"], "zoom is down for everyone now", 1),
        (["How do I record?", "Where are recordings saved?"], "the recording button is missing", 3),
    ] as [([String], String, Int)])
    func conversationContext(conversation: [String], question: String, expected: Int) {
        let got = Self.classifier.classify(question, conversation: conversation)
        #expect(got.level == expected, "\(conversation) then \(question.debugDescription): expected \(expected), got \(got.level) (\(got.reason))")
    }

    /// "still not working" alone is a feature problem; after an outage report it is the outage,
    /// and the reason says the deciding cues came from earlier in the chat.
    @Test func stillBrokenAfterAnOutageIsRaised() {
        let alone = Self.classifier.classify("still not working")
        let followUp = Self.classifier.classify("still not working", conversation: ["hi", "Zoom is down for our whole office"])
        #expect(alone.level == 3)
        #expect(followUp.level == 1)
        #expect(followUp.reason.contains("(earlier)"), "\(followUp.reason)")
        #expect(followUp.reason.contains("whole office"), "\(followUp.reason)")
    }

    /// The server may pass the question again as the last earlier one: it counts once.
    @Test func theQuestionRepeatedAtTheEndCountsOnce() {
        let question = "Zoom won't load on my laptop"
        #expect(Self.classifier.classify(question, conversation: [question]) == Self.classifier.classify(question))
    }

    // MARK: - Negation and conditions

    /// A cue the user negates or only supposes does not count; "not urgent" keeps a ticket at 3 or 4.
    @Test(arguments: [
        ("Not urgent, just curious how to set up breakout rooms", 4),
        ("no rush, but how do I export attendance reports?", 4),
        ("Det er ikke akut, jeg vil bare gerne vide hvordan man laver afstemninger", 4),
        ("Det haster ikke, men hvordan laver jeg grupperum?", 4),
        ("zoom isn't down, but my camera won't turn on", 3),
        ("Zoom er ikke nede, men min mikrofon virker ikke", 3),
        ("not urgent, but zoom won't open on my laptop", 3),
        ("urgent, zoom won't open on my laptop", 2),
        ("What happens if zoom goes down during my webinar?", 4),
        ("Hvad sker der hvis zoom går ned under et webinar?", 4),
        ("how do I turn the volume down", 4),
        ("hvordan skruer jeg ned for lyden", 4),
        ("For some reason the chat doesn't load", 3),
    ] as [(String, Int)])
    func negationAndConditions(question: String, expected: Int) {
        let got = Self.classifier.classify(question)
        #expect(got.level == expected, "\(question.debugDescription): expected \(expected), got \(got.level) (\(got.reason))")
    }

    // MARK: - Language

    /// Without a language the classifier finds it: the same answer as with the right one.
    @Test(arguments: danish)
    func danishIsDetected(question: String, expected: Int) {
        #expect(Self.classifier.classify(question) == Self.classifier.classify(question, language: .danish), "\(question.debugDescription)")
    }

    @Test(arguments: english)
    func englishIsDetected(question: String, expected: Int) {
        #expect(Self.classifier.classify(question) == Self.classifier.classify(question, language: .english), "\(question.debugDescription)")
    }

    /// A session's language is a hint: a Danish question in an English session still reads as Danish.
    @Test func aWrongLanguageHintIsOverruled() {
        #expect(Self.classifier.classify("zoom er nede for alle, intet virker", language: .english).level == 1)
        #expect(Self.classifier.classify("nobody can join, zoom is down", language: .danish).level == 1)
    }

    /// Text with no words still gets a level on the scale and a reason.
    @Test(arguments: ["", "   ", "?!", "😀", "12345", String(repeating: "meeting ", count: 2000)])
    func anythingGetsALevel(question: String) {
        let got = Self.classifier.classify(question)
        #expect(got.level == 4, "\(question.prefix(20).debugDescription)")
        #expect(!got.reason.isEmpty)
    }
}
