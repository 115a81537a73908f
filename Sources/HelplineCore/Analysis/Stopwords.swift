/// Words that say how a question is asked rather than what it is about.
///
/// Based on Snowball's English and Danish stopword lists, plus the greetings and fillers people
/// type into a chat ("hi", "please", "hej", "tak").
enum Stopwords {
    static let english: Set<String> = Set("""
        i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
        she her hers herself it its itself they them their theirs themselves what which who whom
        this that these those am is are was were be been being have has had having do does did
        doing would should could ought i'm you're he's she's it's we're they're i've you've we've
        they've i'd you'd he'd she'd we'd they'd i'll you'll he'll she'll we'll they'll isn't
        aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't wouldn't shan't
        shouldn't can't cannot couldn't mustn't let's that's who's what's here's there's when's
        where's why's how's a an the and but if or because as until while of at by for with about
        against between into through during before after above below to from up down in out on
        off over under again further then once here there when where why how all any both each
        few more most other some such no nor not only own same so than too very can will just
        may might must shall also im ive dont doesnt cant wont isnt didnt hi hello hey please
        thanks thank ok okay yes get got want wanted need needs like would anyone someone
        something somebody way use using tell know possible there now
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    static let danish: Set<String> = Set("""
        og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om
        vi min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv
        her alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end
        dette mit også under have dig anden hende mine alt meget sit sine vor mod disse hvis din
        nogle hos blive mange ad bliver hendes været thi jer sådan kan hej tak venligst hvordan
        hvorfor hvornår hvilken hvilke mine gøre gør får få nogen noget bare lige godt gerne
        paa naar saadan vaere oegsaa ogsaa goere goer faar
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Danish function words that are not also common English words, for language detection.
    static let danishMarkers: Set<String> = Set("""
        jeg ikke hvordan hvorfor hvad hvor kan min mit mine vores jeg har det er og på paa ikke
        mig skal kunne hvornår naar når hvilken også ogsaa
        """.split(whereSeparator: \.isWhitespace).map(String.init))
}
