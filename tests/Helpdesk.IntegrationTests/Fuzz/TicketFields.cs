namespace Helpdesk.IntegrationTests.Fuzz;

/// <summary>The fields of a ticket submission (names of the public contract, docs/api.md), valid unless a case breaks them.</summary>
public static class TicketFields
{
    public static readonly string[] Categories = ["hardware", "software", "business-software", "network", "internet", "account", "printer", "security", "other"];
    public static readonly string[] Impacts = ["individual", "team", "organization"];
    public static readonly string[] CanWorks = ["yes", "partly", "no"];
    public static readonly string[] Required = ["name", "email", "subject", "description", "category", "impact", "canWork"];
    public static readonly string[] Optional = ["phone", "assetTag", "lang"];

    private static readonly string[] Names = ["Marie Dubois", "Jan Peeters", "Sofie Janssens", "Ahmed El Amrani", "Zoë Van den Broeck", "Łukasz Nowak", "李雷"];

    /// <summary>Valid fields; the e-mail address is unique to the request, so that requesters never collide.</summary>
    public static List<(string Name, string Value)> Valid(FuzzText t, int index)
    {
        var fields = new List<(string, string)>
        {
            ("name", t.Pick(Names)),
            ("email", $"fz{index}.{t.Letters(6)}@example.be"),
            ("subject", t.Sentence(2, 6)),
            ("description", t.Sentence(5, 30)),
            ("category", t.Pick(Categories)),
            ("impact", t.Pick(Impacts)),
            ("canWork", t.Pick(CanWorks)),
        };
        if (t.Chance(0.3))
        {
            fields.Add(("phone", t.Pick("+32 2 555 12 34", "0470/12.34.56", "(02) 555-1234")));
        }

        if (t.Chance(0.3))
        {
            fields.Add(("assetTag", t.Pick("PC-0042", "lap_17", "SRV-EU-1")));
        }

        if (t.Chance(0.5))
        {
            fields.Add(("lang", t.Pick("fr", "en")));
        }

        return fields;
    }

    /// <summary>Replaces (or adds) one field's value.</summary>
    public static void Set(List<(string Name, string Value)> fields, string name, string value)
    {
        var at = fields.FindIndex(f => f.Name == name);
        if (at >= 0)
        {
            fields[at] = (name, value);
        }
        else
        {
            fields.Add((name, value));
        }
    }
}
