namespace Helpdesk.IntegrationTests.Fuzz;

/// <summary>Breaks the fields of a valid submission in one way, whatever the format that will carry them.</summary>
public static class FieldMutations
{
    private static readonly (int Weight, string Name, Action<FuzzText, List<(string Name, string Value)>> Apply)[] Mutations =
    [
        (5, "valid", (_, _) => { }),
        (8, "missing-fields", (t, f) =>
        {
            for (var i = t.Next(1, 4); i > 0 && f.Count > 0; i--)
            {
                var name = t.Pick(TicketFields.Required);
                f.RemoveAll(x => x.Name == name);
            }
        }),
        (5, "blank-fields", (t, f) => TicketFields.Set(f, t.Pick(TicketFields.Required), t.Pick("", " ", "\t\n", "\u00A0", "\u200B"))),
        (6, "too-long", (t, f) =>
        {
            var (name, length) = t.Pick(("name", 101), ("subject", 151), ("description", 8001), ("email", 255), ("phone", 41), ("assetTag", 41),
                ("name", 100), ("subject", 150), ("description", 8000));
            TicketFields.Set(f, name, name == "email" ? t.Letters(length - 11) + "@example.be" : t.Filler(length));
        }),
        (4, "unicode", (t, f) =>
        {
            TicketFields.Set(f, t.Pick("name", "subject", "description"), t.Nasty());
            TicketFields.Set(f, t.Pick("subject", "description", "assetTag", "phone"), t.Nasty());
        }),
        (3, "control-characters", (t, f) =>
            TicketFields.Set(f, t.Pick("name", "subject", "description", "email"), t.Pick("\0", "a\0b", "\u0001\u0002", "x\u001B[31m", "\u007F", "\r\r\r", "\0\0\0\0"))),
        (6, "comma-list", (t, f) => TicketFields.Set(f, t.Pick("impact", "category", "canWork"),
            t.Pick("team,organization", "individual, team", "hardware,network", "yes,no", "partly,no", ",", "team,", ",team", "team;organization"))),
        (6, "enum-odd", (t, f) => TicketFields.Set(f, t.Pick("impact", "category", "canWork"),
            t.Pick("ORGANIZATION", " team ", "0", "1", "-1", "Team", "business_software", "businessSoftware", "BusinessSoftware", "null", "undefined",
                "individual\0", "yes\u200B", "ｔｅａｍ", "İndividual", "2147483648"))),
        (5, "email-odd", (t, f) => TicketFields.Set(f, "email",
            t.Pick("a@b", "a@@b.be", "<a@b.be>", "a b@c.be", "\"q\"@x.be", "@x.be", "x@", "x@.be", "x@y..be", "Marie <m@x.be>", "m@x.be, n@y.be",
                "é@x.be", "m@bücher.be", "m@[127.0.0.1]", "m@x.be\n", t.Letters(70) + "@" + t.Letters(190) + ".be"))),
        (3, "phone-odd", (t, f) => TicketFields.Set(f, "phone", t.Pick("12345", "+", "++32 2", "abc", "٠٤٧٠١٢٣٤٥٦", "+32 (0) 2 555 12 34 ext. 5", new string('9', 41)))),
        (3, "asset-tag-odd", (t, f) => TicketFields.Set(f, "assetTag", t.Pick("-PC", "pc 42", "PC/42", "ÄÖÜ-1", "_", new string('A', 41), "a\u0131"))),
        (3, "honeypot", (t, f) => f.Add(("website", t.Pick("http://spam.example", "x", " ")))),
        (3, "form-token-odd", (t, f) => f.Add(("formToken", t.Pick(t.Token(201), t.Token(20), " ", "\u0001", t.Nasty(), new string('x', 5000))))),
        (2, "lang-odd", (t, f) => TicketFields.Set(f, "lang", t.Pick("EN", "en-GB", "xx", "", "fr,en", "e", t.Letters(300), "\0"))),
        (2, "unknown-fields", (t, f) =>
        {
            for (var i = t.Next(1, 20); i > 0; i--)
            {
                f.Add((t.Pick("priority", "status", "number", "level", "__proto__", "constructor", t.Letters(t.Next(1, 30))), t.Sentence(1, 3)));
            }
        }),
    ];

    private static readonly int TotalWeight = Mutations.Sum(m => m.Weight);

    /// <summary>Applies one mutation (chosen by weight) to <paramref name="fields"/> and returns its name.</summary>
    public static string Apply(FuzzText text, List<(string Name, string Value)> fields)
    {
        var roll = text.Next(TotalWeight);
        foreach (var (weight, name, apply) in Mutations)
        {
            if (roll < weight)
            {
                apply(text, fields);
                return name;
            }

            roll -= weight;
        }

        throw new InvalidOperationException("Unreachable: the weights cover the roll.");
    }
}
