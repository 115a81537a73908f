/// The cue tables of ``PriorityClassifier``: what words say about a ticket's priority, in English
/// and Danish.
///
/// A pattern is a sequence of elements separated by spaces; an element lists alternatives
/// separated by `|`. Each alternative is a word, run through the question's ``Analyzer`` steps
/// (stemming, `ae oe aa` for `æ ø å`, folding), so "virker", "virkede" and "virke" meet; an
/// alternative ending in `*` is a prefix of the written word instead ("skærm*" meets
/// "skærmdeling"), for compounds; one ending in `=` is the written word exactly ("tried=" is not
/// "trying", though both stem to "tri"); `#` is any number. Between two elements up to `gap` other words may stand
/// ("can't *seem to* join"). Stopwords stay in the stream: they carry negation and scope.
///
/// The order of a table matters: a word matched by one cue is not matched again by a later one,
/// so look-alikes come first (`neutral` "scroll down" before `outage` "down"), and combined cues
/// ("nobody can" = a failure *and* everyone) before their parts.
extension PriorityClassifier {
    /// What a matched cue says.
    enum Family: Sendable {
        /// A look-alike that is no cue ("scroll down", "hang up"): it only keeps its words from others.
        case neutral
        /// The user says it is not urgent ("not urgent", "just curious", "haster ikke").
        case noImpact
        /// The message goes on about an earlier problem ("still", "again", "stadig").
        case continuation
        /// A failure that by default means the service is down ("down", "outage", "nede").
        case outage
        /// Something does not work; its subject decides: the service (outage) or a feature.
        case failure
        /// A feature problem whatever else the clause names ("they can't hear me").
        case feature
        /// The service works, badly: slow, lagging, dropping.
        case degradation
        /// Everyone is affected: "everyone", "whole company", "alle", "ingen af os".
        case scope
        /// Some users are affected: "some of our users", "nogle af os".
        case partialScope
        /// There is no way around it: "tried everything", "ingen mulighed".
        case noWorkaround
        /// Business impact: "urgent", "customers waiting", "haster".
        case urgency
        /// A question for information: "how do I", "hvordan", "kan man".
        case information
    }

    /// One cue: a pattern and what it says.
    struct Cue: Sendable {
        var families: [Family]
        var weight: Double
        var gap: Int
        var pattern: String
        /// The cue's words say what the user sees ("white screen"), not what failed: its subject
        /// is another word of the clause ("the app shows a white screen" is the app failing).
        var isSymptom = false

        init(_ family: Family, weight: Double = 1, gap: Int = 2, _ pattern: String) {
            self.init([family], weight: weight, gap: gap, pattern)
        }

        init(_ families: [Family], weight: Double = 1, gap: Int = 2, _ pattern: String) {
            self.families = families
            self.weight = weight
            self.gap = gap
            self.pattern = pattern
        }

        /// A failure seen on screen; see `isSymptom`.
        static func symptom(gap: Int, _ pattern: String) -> Cue {
            var cue = Cue(.failure, gap: gap, pattern)
            cue.isSymptom = true
            return cue
        }
    }

    /// Words that make a failure's subject a feature, and words that make it the service itself.
    struct Subjects: Sendable {
        var feature: String
        var service: String
    }

    /// One word of a question and where it stands.
    struct Token {
        /// As written, lowercased: for quotes in the reason.
        var word: String
        /// The analysed term: stemmed (stopwords as they are), folded to ASCII, no apostrophes.
        var term: String
        /// As written, folded to ASCII: for prefixes and exact words.
        var surface: String
        var isStopword: Bool
        /// Which clause of the message: punctuation and "but"/"men" start a new one.
        var clause: Int
        /// After "if"/"hvis" in its clause: supposed, not reported.
        var isHypothetical: Bool
    }

    /// One alternative of a pattern element, or a subject word; ``WordTable`` says what it matches.
    struct Word: Sendable, Hashable {
        enum Kind: Sendable, Hashable { case stem, prefix, exact, number }
        var text: String
        var kind: Kind
    }

    /// A matched cue: what it says, with a failure's subject (`.feature`, `.outage` or unknown).
    struct Hit {
        var families: [Family]
        var weight: Double
        var label: String
        var earlier = false
        var position = 0
        var subject: Family?
    }

    // MARK: - English

    static let englishCues: [Cue] = [
        Cue(.neutral, gap: 1, "scroll|turn|drop|sit|calm|write|narrow|tone|count|break|slow down"),
        Cue(.neutral, gap: 0, "hang up|on"),
        Cue(.neutral, gap: 1, "dont|don't|not|doesnt|doesn't|didnt|didn't want|know|need|think|mind|sure|care|"
            + "remember"),
        Cue(.neutral, gap: 1, "report|log|submit|file a|an problem|issue|bug|error"),
        Cue(.neutral, gap: 1, "who|which|whom disconnected|dropped|left|joined|froze"),
        Cue(.neutral, gap: 1, "no problem|problems|issue|issues|error|errors"),
        Cue(.information, gap: 2, "can't|cant|cannot|couldnt|couldn't find|locate|figure|remember|decide|choose|"
            + "tell|wait"),
        Cue(.information, gap: 0, "can't|cant|cannot work out"),
        Cue(.noImpact, gap: 1, "not|no|isnt|isn't|nt|nothing urgent|rush|hurry|critical|important|big|priority|"
            + "emergency|pressing"),
        Cue([.noImpact, .information], gap: 0, "just|only curious|wondering|asking"),
        Cue(.noImpact, gap: 0, "low priority"),
        Cue(.noImpact, gap: 1, "whenever you|convenient|time"),
        Cue(.continuation, gap: 1, "any|an update|news|progress"),
        Cue(.continuation, gap: 0, "same problem|issue|error"),
        Cue(.continuation, "still|again"),
        Cue(.feature, gap: 2, "can't|cant|cannot|couldnt|couldn't|nobody|noone hear|see me"),
        Cue(.feature, gap: 2, "no one can|could hear|see me"),
        Cue([.urgency, .failure], gap: 0, "can't|cant|cannot|unable work"),
        Cue([.failure, .scope], gap: 4, "nobody|noone|none can|could|cant|can't|cannot"),
        Cue([.failure, .scope], gap: 4, "no one can|could|cant|can't|cannot"),
        Cue([.noWorkaround, .failure], gap: 2, "nothing|none work|working|helps|helped|fixes"),
        Cue(.noWorkaround, "tried=|tryed= everything|all|restarting|reinstalling|clearing|another|different|other|"
            + "logging|updating|rebooting|uninstalling|switching|changing|browsers|devices|computers"),
        Cue(.noWorkaround, "already restarted|reinstalled|tried|cleared|rebooted|updated"),
        Cue(.noWorkaround, "after|despite restarting|reinstalling|rebooting|clearing"),
        Cue(.noWorkaround, gap: 1, "no|not workaround|alternative|other|way"),
        Cue(.noWorkaround, gap: 0, "matter what|whatever"),
        Cue(.noWorkaround, gap: 1, "another|different|other|every|multiple browser|device|computer|phone|laptop|"
            + "network|wifi|pc"),
        Cue(.neutral, gap: 1, "check|checking|notify|notified|alert|alerts|history|planned|scheduled|past|previous|"
            + "sla|about|during outage|outages|downtime|maintenance"),
        Cue(.outage, "is|are|its|it's|was|were|be|been|went|go|goes|gone|going|seems|still|completely|totally|"
            + "entirely|everything|zoom|service|site|server|app|platform down"),
        Cue(.outage, gap: 0, "down for|again|since|today|everywhere|worldwide"),
        Cue(.outage, "outage|outages|offline|downtime|unavailable|unreachable|502|503|504"),
        Cue(.outage, gap: 0, "server error"),
        Cue(.failure, gap: 0, "shut|shuts|shutting down|off"),
        Cue(.degradation, "keep|keeps|kept dropping|disconnecting|freezing|crashing|cutting|lagging|buffering|"
            + "kicking|logging|disconnect|freeze|crash|drop"),
        Cue(.degradation, gap: 0, "drop|drops|dropping|dropped|cuts|cutting|cut out|off"),
        Cue(.degradation, gap: 1, "kicked|thrown|kick out"),
        Cue(.degradation, "slow|slowly|sluggish|lag|laggy|lagging|choppy|stutter|stuttering|freezes|freezing|frozen|"
            + "froze|hangs|hanging|delay|delayed|latency|buffering|unstable|intermittent|intermittently|spotty|"
            + "pixelated|disconnects|disconnected|disconnecting|robotic"),
        Cue(.degradation, gap: 0, "on and off"),
        Cue(.degradation, gap: 1, "takes|taking forever|ages"),
        Cue(.degradation, gap: 1, "poor|bad quality|connection"),
        Cue(.failure, gap: 0, "can not"),
        Cue(.failure, gap: 0, "not|never able"),
        Cue(.failure, "can't|cant|cannot|couldnt|couldn't|unable|won't|wont"),
        Cue(.failure, "doesnt|doesn't|dont|don't|isnt|isn't|arent|aren't|not|didnt|didn't|wasnt|stopped|never work|"
            + "working|workin|function|load|loading|open|start|connect|respond|responding|show|showing|appear|sync|"
            + "syncing|save|launch|play|turn|recognize|recognized|detect|detected|found|see|hear|receive|received|"
            + "sent|delivered|arriving"),
        Cue(.failure, "fails|failed|failing|failure|broken|broke|crash|crashes|crashed|crashing|error|errors|bug|"
            + "glitch|wrong|missing|disappeared|disappears|disappearing|vanished|gone|dead|died|invalid|incorrect|stuck|echo|feedback|"
            + "noise|distorted|garbled|muffled|crackling"),
        Cue(.failure, gap: 0, "greyed|grayed out"),
        .symptom(gap: 0, "black|blank screen|video"),
        .symptom(gap: 0, "white screen"),
        Cue(.failure, gap: 2, "screen|video|picture black|blank"),
        Cue(.failure, gap: 1, "is|are|goes|went|stays|turns blank|black|empty|white"),
        Cue(.failure, gap: 1, "no|zero sound|audio|video|picture|image|signal|connection"),
        Cue(.failure, gap: 2, "have|having|got|get|getting|experiencing problem|problems|issue|issues|trouble"),
        Cue(.failure, weight: 0.5, "problem|problems|issue|issues|trouble"),
        Cue(.scope, "everyone|everybody|everywhere|worldwide"),
        Cue(.scope, gap: 1, "every user|member|employee|meeting|participant|account|call"),
        Cue(.scope, "all users|us|employees|staff|members|colleagues|participants|attendees|customers|clients|"
            + "students|teachers|meetings|teams|offices|locations|accounts|sites|calls"),
        Cue(.scope, gap: 1, "whole|entire company|organisation|organization|org|team|office|school|department|staff|"
            + "university|firm|business|site"),
        Cue(.scope, gap: 0, "company|organisation|organization wide"),
        Cue(.scope, gap: 0, "for anyone|anybody"),
        Cue(.scope, gap: 1, "across company|organisation|organization|board"),
        Cue(.partialScope, "some|several|few|many|multiple|half|certain|couple users|us|people|participants|"
            + "attendees|employees|colleagues|members|customers|students|accounts"),
        Cue(.partialScope, "colleague|colleagues|coworker|coworkers|teammates|others also|too|same"),
        Cue(.urgency, "urgent*|asap|immediately|emergency|critical|deadline*"),
        Cue(.urgency, gap: 1, "soon possible"),
        Cue(.urgency, gap: 0, "right away"),
        Cue(.urgency, gap: 2, "in|within minutes|minute|min|mins|hour"),
        Cue(.urgency, gap: 3, "customers|clients|patients|students|attendees|participants|people|guests|"
            + "audience waiting|stuck"),
        Cue(.urgency, "lose|losing|lost money|sales|customers|business|revenue|deals"),
        Cue(.urgency, gap: 3, "middle meeting|call|webinar|presentation|class|lecture|interview"),
        Cue(.urgency, gap: 1, "is|are|were|we're|go|going live"),
        Cue(.urgency, gap: 0, "live now"),
        Cue(.urgency, gap: 1, "board|investor|client|customer|sales|important meeting|call|presentation|demo|webinar"),
        Cue(.information, "how|what|whats|what's|which|where|when|why"),
        Cue(.information, gap: 1, "can|could|may i|we|you"),
        Cue(.information, gap: 1, "is|are there|it"),
        Cue(.information, "possible|wondering|curious|explain|difference|price|pricing|cost|tutorial|guide|"
            + "documentation|instructions|support"),
    ]

    static let englishSubjects = Subjects(
        feature: """
            mic microphone* audio sound speaker* headset* headphone* camera* webcam* video screen* share
            sharing record* chat* message* whiteboard* breakout* background* filter* virtual notification*
            caption* subtitle* transcript* poll polls reaction* emoji* annotat* calendar* outlook gmail google
            plugin* integration* extension* button* icon* setting* profile* picture* photo* avatar* name
            email* invite* invitation* link schedul* mute unmute* volume* hear see host cohost remote
            hand password* passcode* licen* billing invoice* payment* subscription* upload* download*
            keyboard shortcut* language* translat* echo room rooms
            """,
        service: """
            zoom* app apps application* client servic* service platform* site website* portal* server* system
            everything meeting meetings webinar* join joining rejoin connect* reconnect* log login* sign
            signin access load loading open launch start starting enter reach account* conferenc* call calls
            """)

    // MARK: - Danish

    static let danishCues: [Cue] = [
        Cue(.neutral, gap: 1, "skrue|skruer|skru|scrolle|scroll|hente|rulle|sætte|sæt ned"),
        Cue(.neutral, gap: 1, "ingen|ikke problem|problemer|fejl"),
        Cue(.neutral, gap: 1, "rapportere|rapporterer|indberette|anmelde en|et problem|fejl"),
        Cue(.information, gap: 2, "kan|kunne ikke finde|huske|beslutte|vælge"),
        Cue(.noImpact, gap: 1, "ikke akut|vigtigt|kritisk|presserende|travlt"),
        Cue(.noImpact, gap: 1, "haster ikke"),
        Cue(.noImpact, gap: 0, "ingen hast|stress|panik"),
        Cue([.noImpact, .information], gap: 1, "bare|blot nysgerrig|spørger"),
        Cue(.noImpact, gap: 0, "lav prioritet"),
        Cue(.noImpact, gap: 1, "når har|får tid"),
        Cue(.continuation, gap: 1, "noget nyt|opdatering"),
        Cue(.continuation, gap: 0, "samme problem|fejl"),
        Cue(.continuation, "stadig|stadigvæk|fortsat|igen|endnu|still"),
        Cue(.feature, gap: 2, "kan|kunne ikke høre|se mig"),
        Cue(.feature, gap: 2, "ingen kan|kunne høre|se mig"),
        Cue([.urgency, .failure], gap: 1, "kan|kunne ikke arbejde"),
        Cue([.failure, .scope], gap: 4, "ingen kan|kunne"),
        Cue([.noWorkaround, .failure], gap: 2, "intet|ingenting virker|hjælper|fungerer|virkede|hjalp"),
        Cue(.noWorkaround, "prøvet=|forsøgt= alt|hele|genstarte|geninstallere|logge|opdatere|rydde|anden|andre|"
            + "andet|flere|browser|enhed|computer"),
        Cue(.noWorkaround, "har|efter|selvom|allerede genstartet|genstart|geninstalleret|prøvet"),
        Cue(.noWorkaround, gap: 1, "ingen mulighed|måde|løsning|alternativ|udvej|vej"),
        Cue(.noWorkaround, gap: 0, "uanset hvad"),
        Cue(.noWorkaround, gap: 1, "anden|andre|andet|flere browser*|enhed*|computer*|telefon*|netværk*|wifi|pc"),
        Cue(.neutral, gap: 1, "tjekke|se|varsling|varslet|planlagt|planlagte|tidligere|om|under nedbrud|"
            + "vedligeholdelse"),
        Cue(.outage, "nede|ned|nedbrud|utilgængelig*|offline|down|outage|502|503|504"),
        Cue(.outage, gap: 0, "ude af drift"),
        Cue(.outage, gap: 0, "lukker|lukkede ned"),
        Cue(.degradation, "langsom*|hakker|hakke|hakkende|hakket|lagger|lag|lagging|fryser|frøs|frosset|forsinket|"
            + "forsinkelse|ustabil*|afbrydes|afbrudt|afbryder|buffer*|laggy"),
        Cue(.degradation, gap: 0, "smidt|ryger|røg|falder|faldt|kastet ud"),
        Cue(.degradation, gap: 2, "mister|mistede|taber forbindelse*"),
        Cue(.degradation, gap: 0, "i stå"),
        Cue(.degradation, gap: 2, "tager lang|evigheder"),
        Cue(.degradation, gap: 1, "dårlig kvalitet|forbindelse|lyd|billede"),
        Cue(.degradation, gap: 0, "af og til"),
        Cue(.neutral, gap: 1, "vil|ville ikke have|være"),
        Cue(.failure, "kan|kunne|vil|ville ikke"),
        Cue(.failure, "ikke kan|kunne|virker|fungerer|vil"),
        Cue(.failure, "virker|fungerer|duer|virkede|fungerede|starter|loader|indlæses|åbner ikke"),
        Cue(.failure, gap: 3, "holdt|stoppet op|med virke"),
        Cue(.failure, "fejl*|forkert|forkerte|ugyldig|gråtonet|stykker|crash*|mangler|manglede|forsvundet|forsvinder|"
            + "forsvandt|væk|hænger|ekko|støj*|susen"),
        .symptom(gap: 0, "sort|blank|hvid skærm|billede"),
        Cue(.failure, gap: 0, "er|blevet grå|inaktiv|deaktiveret"),
        Cue(.failure, gap: 2, "skærm|billede|billedet sort|blank"),
        Cue(.failure, gap: 1, "er|bliver|blev sort|blank|tom|hvid"),
        Cue(.failure, gap: 1, "ikke fundet|genkendt|registreret|opdaget|vist|vises|sendt|modtaget|leveret"),
        Cue(.failure, gap: 1, "ingen lyd|billede|video|forbindelse|signal"),
        Cue(.failure, gap: 2, "har|får|oplever problem*|fejl|bøvl|vanskeligheder"),
        Cue(.failure, weight: 0.5, "problem*|bøvl"),
        Cue(.neutral, gap: 0, "alle mine|mit|min|dine|dit|din"),
        Cue(.scope, "alle|samtlige|everyone"),
        Cue(.scope, gap: 1, "hele firmaet|virksomheden|kontoret|organisationen|afdelingen|skolen|teamet|huset|holdet"),
        Cue(.scope, gap: 1, "ingen af os|vores|jer"),
        Cue(.scope, gap: 0, "for nogen"),
        Cue(.scope, gap: 1, "hver bruger|medarbejder|deltager|møde"),
        Cue(.partialScope, "nogle|flere|mange|halvdelen|enkelte|par brugere|deltagere|medarbejdere|kolleger|"
            + "kollegaer|elever|kunder|os"),
        Cue(.partialScope, "kollega|kolleger|kollegaer|andre også|samme"),
        Cue(.urgency, "haster|hastesag|akut*|asap|urgent|kritisk*|nødsituation|deadline*"),
        Cue(.urgency, gap: 0, "hurtigst|snarest muligt"),
        Cue(.urgency, gap: 0, "med det samme"),
        Cue(.urgency, gap: 0, "om #|et|en|par minutter|minut|min|time|timer|kvarter"),
        Cue(.urgency, gap: 3, "kunder|kunderne|klienter|deltagere|deltagerne|folk|elever|eleverne|gæster|"
            + "publikum venter|sidder"),
        Cue(.urgency, "mister|miste|taber kunder|penge|salg|omsætning"),
        Cue(.urgency, "kundemøde*|bestyrelsesmøde*|salgsmøde*|kundepræsentation*|eksamen*|jobsamtale*"),
        Cue(.urgency, gap: 1, "vigtigt møde|præsentation|webinar|opkald"),
        Cue(.urgency, gap: 3, "midt møde|webinar|præsentation|undervisning|opkald"),
        Cue(.urgency, gap: 1, "er|går live"),
        Cue(.information, "hvordan|hvad|hvor|hvilken|hvilke|hvornår|hvorfor|nysgerrig|vejledning|guide|forskel*|"
            + "pris*|koster|understøtter"),
        Cue(.information, gap: 1, "kan|kunne man|jeg|vi"),
        Cue(.information, gap: 1, "er det|der muligt|mulighed"),
        Cue(.information, gap: 0, "findes der"),
        Cue(.information, gap: 1, "vil gerne vide"),
    ]

    static let danishSubjects = Subjects(
        feature: """
            mikrofon* mic lyd* højttaler* headset* kamera* webcam* video* billede* skærm* del dele deling
            optag* chat* besked* whiteboard* grupperum* breakout* baggrund* filter* notifikation* underteks*
            transskri* afstemning* reaktion* emoji* kalender* outlook plugin* integration* knap* indstilling*
            profil* navn* mail* email* invitation* invit* link* planlæg* høre se ser vært* medvært* venterum*
            adgangskode* kodeord* password* licens* faktura* betaling* abonnement* upload* download*
            sprog* tastatur* ekko
            """,
        service: """
            zoom* app appen applikation* klient* tjeneste* platform* hjemmeside* webside* portal* server*
            system* alt alting møde* webinar* deltage deltager forbinde* forbindelse* logge log login* komme
            tilgå adgang åbne indlæse* loade start starte konto kontoen program* opkald*
            """)
}
