using System.Text;

namespace Helpdesk.IntegrationTests.Fuzz;

/// <summary>Bodies for <c>POST /api/tickets</c> as <c>application/x-www-form-urlencoded</c> and <c>application/json</c>.</summary>
public static class SubmissionBodies
{
    private const string FormType = "application/x-www-form-urlencoded";
    private const string JsonType = "application/json";

    public static FuzzBody UrlEncoded(FuzzContext ctx)
    {
        var t = ctx.Text;
        var fields = TicketFields.Valid(t, ctx.Index);
        var contentType = t.Pick(FormType, FormType, FormType, FormType + "; charset=utf-8", "APPLICATION/X-WWW-FORM-URLENCODED", FormType + "; charset=iso-8859-1");
        switch (t.Next(20))
        {
            case 0:
                // Repeated keys are joined with a comma by the parser: "team,organization".
                fields.Add((t.Pick("impact", "category", "canWork", "email"), t.Pick("organization", "network", "no", "x@y.be")));
                return Form("urlencoded.repeated-keys", contentType, fields);
            case 1:
                return new FuzzBody("urlencoded.broken-escapes", contentType,
                    Encoding.ASCII.GetBytes(Encode(fields) + t.Pick("&name=%zz", "&subject=%", "&%=%", "&description=%E9%FF%FE", "&email=%C0%AF", "&&&==&", "&a", "&name=%ED%A0%80")));
            case 2:
                return new FuzzBody("urlencoded.invalid-utf8", contentType, [.. Encoding.ASCII.GetBytes(Encode(fields) + "&description="), .. t.Bytes(t.Next(1, 200))]);
            case 3:
                TicketFields.Set(fields, "description", t.Filler(ctx.Target.MaxFormBytes + t.Next(1, 4096)));
                return Form("urlencoded.over-the-limit", contentType, fields);
            case 4:
                return Form("urlencoded.many-pairs", contentType, [.. fields, .. Enumerable.Range(0, t.Next(1000, 5000)).Select(i => ("k" + i, "v"))]);
            case 5:
                return FuzzBody.Utf8("urlencoded.not-a-form", contentType, t.Pick("", "{}", "name", "=", "&", "\0", "<xml/>", t.Nasty()));
            case 6:
                return Idempotent(ctx, "urlencoded.idempotent-repeat", (keyText, index) => Form("", contentType, TicketFields.Valid(keyText, index)));
            default:
                return Form("urlencoded." + FieldMutations.Apply(t, fields), contentType, fields);
        }
    }

    public static FuzzBody Json(FuzzContext ctx)
    {
        var t = ctx.Text;
        var fields = TicketFields.Valid(t, ctx.Index);
        var contentType = t.Pick(JsonType, JsonType, JsonType, JsonType + "; charset=utf-8", "Application/Json", JsonType + ";charset=\"UTF-8\"");
        switch (t.Next(24))
        {
            case 0:
            case 1:
                return FuzzBody.Utf8("json.wrong-type", contentType, WrongType(t, fields));
            case 2:
                return FuzzBody.Utf8("json.array-value", contentType, JsonText.ObjectOf(
                    fields.Select(f => f.Name == t.Pick("impact", "category", "canWork", "name")
                        ? (f.Name, "[" + JsonText.Str(f.Value) + "," + JsonText.Str(t.Pick(TicketFields.Impacts)) + "]")
                        : (f.Name, JsonText.Str(f.Value)))));
            case 3:
            case 4:
                return FuzzBody.Utf8("json.malformed", contentType, Malformed(t, JsonText.Strings(fields)));
            case 5:
                return FuzzBody.Utf8("json.not-an-object", contentType, t.Pick("null", "[]", "[{}]", "\"ticket\"", "42", "true", "", " ", "\uFEFF{}"));
            case 6:
                return new FuzzBody("json.invalid-utf8", contentType, [.. "{\"name\":\""u8, .. t.Bytes(t.Next(1, 64)), .. "\"}"u8]);
            case 7:
                return FuzzBody.Utf8("json.deep-nesting", contentType,
                    "{\"description\":" + new string('[', t.Pick(63, 64, 65, 1000)) + "1" + new string(']', t.Pick(63, 64, 65, 1000)) + "}");
            case 8:
                return FuzzBody.Utf8("json.duplicate-keys", contentType,
                    JsonText.ObjectOf(fields.Select(f => (f.Name, JsonText.Str(f.Value))).Append((t.Pick("impact", "email", "name"), JsonText.Str(t.Nasty())))));
            case 9:
                TicketFields.Set(fields, "description", t.Filler(ctx.Target.MaxFormBytes + t.Next(1, 4096)));
                return FuzzBody.Utf8("json.over-the-limit", contentType, JsonText.Strings(fields));
            case 10:
                return new FuzzBody("json.utf16", JsonType + "; charset=utf-16", Encoding.Unicode.GetBytes(JsonText.Strings(fields)));
            case 11:
                return FuzzBody.Utf8("json.trailing-data", contentType, JsonText.Strings(fields) + t.Pick("{}", "x", ",", "\0", "]"));
            case 12:
                return FuzzBody.Utf8("json.lone-surrogate-escape", contentType,
                    JsonText.Strings(fields).Replace("\"subject\":\"", "\"subject\":\"\\ud800\\u0000", StringComparison.Ordinal));
            case 13:
                return Idempotent(ctx, "json.idempotent-repeat", (keyText, index) => FuzzBody.Utf8("", contentType, JsonText.Strings(TicketFields.Valid(keyText, index))));
            default:
                return FuzzBody.Utf8("json." + FieldMutations.Apply(t, fields), contentType, JsonText.Strings(fields));
        }
    }

    /// <summary>
    /// The same body each time with the same key: the body comes from the key's own seed (not the request's), so that
    /// a retry replays the first ticket.
    /// </summary>
    /// <summary>Stands in for the request index in the bodies of repeats (e-mail addresses, attachment trace tokens).</summary>
    public const int RepeatIndexBase = 900_000;

    public static FuzzBody Idempotent(FuzzContext ctx, string variant, Func<FuzzText, int, FuzzBody> body)
    {
        var key = ctx.Text.Next(8);
        var keyText = new FuzzText(new Random(FuzzRequests.SeedOf(ctx.Seed, -1 - key) ^ FuzzRequests.StableHash(variant)));
        return body(keyText, RepeatIndexBase + key) with { Variant = variant, IdempotencyKey = $"fz-{ctx.Seed}-{variant}-{key}" };
    }

    private static FuzzBody Form(string variant, string? contentType, IEnumerable<(string Name, string Value)> fields) =>
        new(variant, contentType, Encoding.ASCII.GetBytes(Encode(fields)));

    private static string Encode(IEnumerable<(string Name, string Value)> fields) =>
        string.Join("&", fields.Select(f => Uri.EscapeDataString(ReplaceLoneSurrogates(f.Name)) + "=" + Uri.EscapeDataString(ReplaceLoneSurrogates(f.Value))));

    /// <summary>UTF-8 cannot carry a lone surrogate: a form sends U+FFFD in its place, as a browser does.</summary>
    private static string ReplaceLoneSurrogates(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));

    private static string WrongType(FuzzText t, List<(string Name, string Value)> fields)
    {
        var victim = t.Pick(TicketFields.Required.Concat(TicketFields.Optional).Append("website").Append("formToken").ToArray());
        var value = t.Pick("5", "0", "-1", "1.5", "1e400", "true", "false", "null", "{}", "{\"a\":1}", "[]", "[\"team\"]", "[1,2]", "\"\"");
        return JsonText.ObjectOf(fields.Where(f => f.Name != victim).Select(f => (f.Name, JsonText.Str(f.Value))).Append((victim, value)));
    }

    private static string Malformed(FuzzText t, string json) => t.Next(10) switch
    {
        0 => json[..t.Next(1, json.Length)],
        1 => json.Insert(json.Length - 1, ","),
        2 => json.Replace('"', '\''),
        3 => "/* comment */" + json,
        4 => json.Replace(":", "", StringComparison.Ordinal),
        5 => "{\"impact\": NaN}",
        6 => "{\"name\": \"unterminated",
        7 => json.Insert(t.Next(1, json.Length), "\0"),
        8 => "{" + new string(' ', 10) + "}}",
        _ => json.Replace("\"", "\\\"", StringComparison.Ordinal),
    };
}
