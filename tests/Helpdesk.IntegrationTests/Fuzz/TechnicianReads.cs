namespace Helpdesk.IntegrationTests.Fuzz;

/// <summary>The technicians' reads: <c>GET /api/tickets/{number}</c> and <c>GET /api/queues/{level}</c> with odd numbers, levels and paging.</summary>
public static class TechnicianReads
{
    public static FuzzRequest Ticket(FuzzContext ctx)
    {
        var t = ctx.Text;
        var number = ctx.TicketNumber();
        var method = t.Chance(0.04) ? t.Pick("DELETE", "PUT", "PATCH", "POST") : "GET";
        var headers = ctx.KeyHeaders();
        if (t.Chance(0.2))
        {
            headers.Add(("Accept", t.Pick("application/json", "text/html", "*/*", "application/xml")));
        }

        return ctx.Request("ticket" + (method == "GET" ? "" : ".method-" + method.ToLowerInvariant()), method, $"/api/tickets/{number}", headers);
    }

    public static FuzzRequest Queue(FuzzContext ctx)
    {
        var t = ctx.Text;
        var level = t.Next(100) switch
        {
            < 60 => t.Pick("L1", "L2", "L3"),
            // Lower case, a comma list (an enum parser may read it as flags), a level that does not exist.
            < 80 => t.Pick("l2", "L1,L2", "L9"),
            _ => t.Pick("l1", "L1, L3", "L0", "L4", "1", "2", "-1", "L", "LL1", "L1L2", "%20L1", "L1%20", "L1%00", "%4C1", "l3,l1", "All", "L-1",
                "2147483648", "L2147483647", new string('L', 500), "L\u00B9", "Ｌ１"),
        };
        var query = new List<string>();
        var variant = "queue";
        if (t.Chance(0.4))
        {
            variant += ".page-size";
            query.Add("pageSize=" + t.Pick("1", "50", "200", "0", "201", "-1", "abc", "1.5", "2147483648", "50,60", "%205", "5%00", "", "1e2", "0x10", "+5", "٣"));
            if (t.Chance(0.1))
            {
                query.Add("pageSize=3");
            }
        }

        if (t.Chance(0.3))
        {
            variant += ".continuation-token";
            query.Add("continuationToken=" + t.Pick(
                Base64Url(t.Bytes(t.Next(1, 64))), Base64Url(System.Text.Encoding.UTF8.GetBytes(t.Sentence(1, 4))),
                Base64Url(System.Text.Encoding.UTF8.GetBytes("{\"NextPartitionKey\":\"queues\",\"NextRowKey\":\"L1\"}")),
                Base64Url(System.Text.Encoding.UTF8.GetBytes("queues L1-")), Base64Url(System.Text.Encoding.UTF8.GetBytes(" ")),
                "!!", "%%%", "a", "ab", "abc", "====", "-_-_", new string('A', 10_000), "%00", "null", "", "AAAA%3D%3D"));
        }

        var headers = ctx.KeyHeaders();
        var path = $"/api/queues/{level}" + (query.Count == 0 ? "" : "?" + string.Join("&", query));
        return ctx.Request(variant, "GET", path, headers);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
