using Helpdesk.Core.Inventory;
using Helpdesk.Core.Tickets;
using Microsoft.AspNetCore.Http;

namespace Helpdesk.Core.Providers;

/// <summary>
/// <c>GET providers?category=</c> (the directory, or whom to call for a category) and <c>GET tickets/{number}/providers</c>
/// (whom to call for that ticket: its asset's provider first, then its category's).
/// </summary>
public sealed class ProviderHandler(ProviderDirectory directory, TicketStore tickets, AssetStore assets)
{
    public IResult List(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Query["category"].ToString();
        if (text.Length == 0)
        {
            return TypedResults.Json(new { providers = directory.All }, HelpdeskJson.Options);
        }

        if (!WireName.TryParse<Category>(text, out var category))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["category"] = [$"'{(text.Length > 40 ? text[..40] : text)}' is not one of {string.Join(", ", WireName.All<Category>())}."],
            });
        }

        return TypedResults.Json(new { category = WireName.Of(category), providers = directory.For(category, null) }, HelpdeskJson.Options);
    }

    public async Task<IResult> ForTicketAsync(string number, CancellationToken ct)
    {
        if (!TicketHandler.TryParseNumber(number, out var parsed) || await tickets.GetAsync(parsed, ct) is not { } stored)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Ticket not found", detail: $"There is no ticket '{number}'.");
        }

        var ticket = stored.Ticket;
        var asset = AssetReader.NormalizeTag(ticket.AssetTag) is { } tag ? (await assets.GetAsync(tag, ct))?.Asset : null;
        return TypedResults.Json(new
        {
            number = ticket.Number,
            category = WireName.Of(ticket.Category),
            assetTag = asset?.Tag,
            providers = directory.For(ticket.Category, asset),
        }, HelpdeskJson.Options);
    }
}
