/// British spellings and their American forms, so that "organise" and "organize", "colour" and
/// "color", "licence" and "license" meet.
///
/// Help centers mix both (the shipped one writes "licence" and "license"), and people ask in
/// either. The stemmer cannot bring them together: Porter's English algorithm stems "organize"
/// to "organ" but "organise" to "organis". The table holds whole word forms, built from word
/// families below, because the patterns (`-ise`, `-our`, `-re`) have too many exceptions to
/// apply as rules ("promise", "four", "genre").
enum EnglishSpelling {
    /// The American form of a folded, lowercased British word; any other word as it is.
    static func american(_ word: String) -> String {
        table[word] ?? word
    }

    private static let table: [String: String] = {
        var table: [String: String] = [:]
        func add(_ british: String, _ american: String, suffixes: [String]) {
            for suffix in suffixes { table[british + suffix] = american + suffix }
        }
        // -ise verbs: "organise", "organised", "organising", "organisation" ...
        let izeSuffixes = ["e", "es", "ed", "ing", "ation", "ations", "er", "ers", "able"]
        for stem in [
            "organ", "recogn", "custom", "author", "synchron", "priorit", "personal", "minim", "maxim", "optim", "final",
            "initial", "summar", "apolog", "emphas", "real", "categor", "util", "visual", "normal", "standard",
            "special", "central", "memor", "critic", "anonym", "digit", "character", "local", "global", "modern",
            "harmon", "sanit", "capital", "familiar", "legal", "mobil", "monet", "polar", "serial", "symbol",
            "terror", "vocal", "civil", "general", "industrial", "ital", "stabil", "steril", "subsid",
        ] {
            add(stem + "is", stem + "iz", suffixes: izeSuffixes)
        }
        add("analys", "analyz", suffixes: ["e", "ed", "ing", "er", "ers"])
        add("paralys", "paralyz", suffixes: ["e", "ed", "ing"])
        // -our: "colour", "coloured", "colourful" ...
        for stem in [
            "col", "fav", "behavi", "hon", "lab", "neighb", "flav", "rum", "harb", "hum", "vap", "sav", "endeav", "arm",
            "od", "parl", "rig", "vig", "cand", "clam", "glam", "splend", "tum",
        ] {
            add(stem + "our", stem + "or", suffixes: ["", "s", "ed", "ing", "ful", "able", "ite", "ites", "less", "ers", "er"])
        }
        // -re: "centre", "centred" ...
        for stem in ["cent", "met", "theat", "fib", "lit", "calib", "spect", "somb", "lust", "sab", "meag"] {
            add(stem + "re", stem + "er", suffixes: ["", "s"])
            add(stem + "red", stem + "ered", suffixes: [""])
        }
        // Single words and their forms.
        add("licenc", "licens", suffixes: ["e", "es", "ed", "ing"])
        add("defenc", "defens", suffixes: ["e", "es"])
        add("offenc", "offens", suffixes: ["e", "es"])
        add("programme", "program", suffixes: ["", "s"])
        add("catalogue", "catalog", suffixes: ["", "s", "d"])
        add("dialogue", "dialog", suffixes: ["", "s"])
        add("enquir", "inquir", suffixes: ["e", "es", "ed", "ing", "y"])
        add("enquiries", "inquiries", suffixes: [""])
        add("grey", "gray", suffixes: ["", "ed", "ing", "s"])
        add("aluminium", "aluminum", suffixes: [""])
        add("judgement", "judgment", suffixes: ["", "s"])
        add("ageing", "aging", suffixes: [""])
        add("tyre", "tire", suffixes: ["", "s"])
        return table
    }()
}
