using System.Text;

namespace Helpdesk.IntegrationTests.Fuzz;

/// <summary><c>POST /api/tickets/{number}/{action}</c>: every action, with valid and broken JSON bodies, with and without the key.</summary>
public static class ActionRequests
{
    /// <summary>The actions of the API contract (docs/api.md).</summary>
    public static readonly string[] Actions = ["acknowledge", "comment", "assign", "wait", "resume", "escalate", "resolve", "reopen", "close", "reprioritize"];

    private const string JsonType = "application/json";

    public static FuzzRequest Create(FuzzContext ctx)
    {
        var t = ctx.Text;
        var action = t.Pick(Actions);
        var pathAction = t.Next(100) switch
        {
            < 92 => action,
            < 95 => action.ToUpperInvariant(),
            < 97 => t.Pick("teleport", "delete", "Acknowledged", "x"),
            _ => t.Pick("ack1", "acknowledge%20", "comment;x", "close%00", "wait.json", "resolve%2F..", ""),
        };
        var headers = ctx.KeyHeaders();
        if (t.Chance(0.3))
        {
            headers.Add(("Accept", t.Pick("application/json", "text/html", "*/*", "application/problem+json")));
        }

        var (variant, body) = Body(ctx, action, headers);
        var path = $"/api/tickets/{ctx.TicketNumber()}/{pathAction}";
        return ctx.Request("action." + variant, "POST", path, headers, body);
    }

    private static (string Variant, byte[]? Body) Body(FuzzContext ctx, string action, List<(string Name, string Value)> headers)
    {
        var t = ctx.Text;
        var members = Valid(t, action);
        string Json() => JsonText.ObjectOf(members);
        void Typed(string? contentType = JsonType)
        {
            if (contentType is not null)
            {
                headers.Add(("Content-Type", contentType));
            }
        }

        switch (t.Next(40))
        {
            case < 14:
                Typed(t.Pick(JsonType, JsonType, JsonType + "; charset=utf-8", "application/problem+json", "text/json"));
                return (action + ".valid", Bytes(Json()));
            case 14:
                return ("no-body", null);
            case 15:
                Typed();
                headers.Add(("X-Helpdesk-Actor", t.Pick("alice", "  bob  ", t.Nasty(), new string('a', 101), "")));
                members.RemoveAll(m => m.Name == "actor");
                return ("actor-header", Bytes(Json()));
            case 16:
                Typed();
                members.RemoveAll(m => m.Name == "actor");
                return ("actor-missing", Bytes(Json()));
            case 17:
                Typed();
                Set(members, "actor", JsonText.Str(t.Pick(new string('a', 101), t.Nasty(), " ", "\0", "\u200B")));
                return ("actor-odd", Bytes(Json()));
            case 18:
            case 19:
                Typed();
                Set(members, "visibility", t.Pick("\"public, internal\"", "\"public,internal\"", "\"PUBLIC\"", "\"Internal\"", "\"secret\"", "\"\"", "1", "0",
                    "null", "[\"public\"]", "true", "\"public\\u0000\""));
                Set(members, "text", JsonText.Str(t.Sentence(1, 6)));
                return ("visibility-odd", Bytes(Json()));
            case 20:
            case 21:
                Typed();
                Set(members, "priority", t.Pick("\"P1,P2\"", "\"P1, P4\"", "\"p1\"", "\"P0\"", "\"P5\"", "\"1\"", "\"\"", "1", "4", "[\"P1\"]", "\" P1\"", "\"P1 \"",
                    "\"L1\"", "null", "{}", "\"P-1\"", "\"P2147483648\""));
                return ("priority-odd", Bytes(Json()));
            case 22:
                Typed();
                Set(members, "on", t.Pick("\"provider\"", "\"both\"", "\"requester,provider\"", "\"Provider\"", "0", "\"\"", "[]"));
                members.RemoveAll(m => m.Name == "provider" && t.Chance(0.7));
                return ("on-odd", Bytes(Json()));
            case 23:
            case 24:
                Typed();
                Set(members, t.Pick("actor", "text", "assignee", "reason", "resolution", "provider", "on", "visibility", "priority"),
                    t.Pick("5", "-1", "1.5", "1e400", "true", "{}", "{\"a\":1}", "[]", "[\"x\"]", "null"));
                return ("wrong-type", Bytes(Json()));
            case 25:
                Typed();
                Set(members, t.Pick("text", "reason", "resolution", "assignee", "provider"), JsonText.Str(t.Filler(t.Pick(101, 8001, 20_000))));
                return ("field-too-long", Bytes(Json()));
            case 26:
                Typed();
                Set(members, "text", JsonText.Str(t.Filler(FuzzTarget.MaxActionBodyBytes + t.Next(1, 5000))));
                return ("body-over-the-limit", Bytes(Json()));
            case 27:
                Typed();
                headers.Add(("Transfer-Encoding", "chunked"));
                if (t.Chance(0.5))
                {
                    Set(members, "text", JsonText.Str(t.Filler(FuzzTarget.MaxActionBodyBytes + t.Next(1, 5000))));
                    return ("chunked-over-the-limit", Bytes(Json()));
                }

                return ("chunked", Bytes(Json()));
            case 28:
            case 29:
                Typed();
                return ("malformed-json", Bytes(t.Pick("{", "}", "{\"actor\":\"a\",}", "{'actor':'a'}", "[]", "null", "\"a\"", "42", "", " ", "{\"actor\":\"a\"}{}",
                    "{\"actor\":\"a\"}x", new string('[', 100) + new string(']', 100), "{\"actor\":\"\\ud800\"}", "\uFEFF{\"actor\":\"a\"}", "{\"actor\":NaN}")));
            case 30:
                Typed();
                return ("invalid-utf8", [.. "{\"actor\":\""u8, .. t.Bytes(t.Next(1, 40)), .. "\"}"u8]);
            case 31:
            case 32:
                Typed(t.Pick(null, "text/plain", "application/x-www-form-urlencoded", "application/json-patch+json", "application/jsonx", "multipart/form-data",
                    "application/xml", ";", "application/json, text/plain", "*/*"));
                return ("content-type-odd", Bytes(Json()));
            case 33:
            case 34:
                Typed();
                Set(members, t.Pick("text", "reason", "resolution", "assignee", "provider", "actor"), JsonText.Str(t.Nasty()));
                return ("unicode", Bytes(Json()));
            case 35:
                Typed();
                members.Add((t.Pick("status", "number", "level", "extra", "__proto__"), JsonText.Str(t.Sentence(1, 2))));
                members.Add((members[0].Name, JsonText.Str(t.Nasty())));
                return ("unknown-or-duplicate-fields", Bytes(Json()));
            case 36:
                Typed();
                return ("utf16", Encoding.Unicode.GetBytes(Json()));
            default:
                Typed();
                return ("empty-object", Bytes(t.Pick("{}", "{ }", "{\"actor\":null}")));
        }
    }

    /// <summary>A body the action accepts (when the ticket is in the right state).</summary>
    private static List<(string Name, string Json)> Valid(FuzzText t, string action)
    {
        var members = new List<(string, string)> { ("actor", JsonText.Str(t.Pick("alice", "bob", "carol", "jan.peeters@example.be", "Zoë"))) };
        void Optional(string name)
        {
            if (t.Chance(0.5))
            {
                members.Add((name, JsonText.Str(t.Sentence(1, 8))));
            }
        }

        switch (action)
        {
            case "comment":
                members.Add(("text", JsonText.Str(t.Sentence(1, 12))));
                if (t.Chance(0.6))
                {
                    members.Add(("visibility", JsonText.Str(t.Pick("public", "internal"))));
                }

                break;
            case "assign":
                members.Add(("assignee", JsonText.Str(t.Pick("alice", "bob", "carol"))));
                break;
            case "wait":
                var provider = t.Chance(0.5);
                members.Add(("on", JsonText.Str(provider ? "provider" : "requester")));
                if (provider)
                {
                    members.Add(("provider", JsonText.Str(t.Pick("Proximus", "Telenet", "Microsoft", "Exact"))));
                }

                Optional("text");
                break;
            case "reprioritize":
                members.Add(("priority", JsonText.Str(t.Pick("P1", "P2", "P3", "P4", "p2"))));
                Optional("reason");
                break;
            case "resolve":
                members.Add(("resolution", JsonText.Str(t.Sentence(1, 10))));
                break;
            case "escalate" or "reopen":
                Optional("reason");
                break;
            default:
                Optional("text");
                break;
        }

        return members;
    }

    private static void Set(List<(string Name, string Json)> members, string name, string json)
    {
        members.RemoveAll(m => m.Name == name);
        members.Add((name, json));
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
