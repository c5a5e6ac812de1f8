using System.Text;

namespace Helpdesk.IntegrationTests.Fuzz;

/// <summary>What came back for one request: an HTTP status and body, or why there was none.</summary>
/// <param name="Status">The HTTP status, or null when no answer came.</param>
/// <param name="Problem">Without an answer: a short reason (its failure kind); null otherwise.</param>
/// <param name="Detail">Without an answer: the exception message, for the report.</param>
public sealed record FuzzResponse(int? Status, byte[] Body, string? Problem = null, string? Detail = null)
{
    /// <summary>The client hung up on purpose (<see cref="FuzzTransport.RawAbort"/>): no answer is expected.</summary>
    public bool Abandoned { get; init; }

    /// <summary>HttpClient refused the request as generated: a bug of the generator, not of the host.</summary>
    public bool NotSent { get; init; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    public static FuzzResponse Answer(int status, byte[] body) => new(status, body);

    public static FuzzResponse NoAnswer(string problem, string? detail = null) => new(null, [], problem, detail);

    public static FuzzResponse AbandonedByClient() => new(null, []) { Abandoned = true };

    public static FuzzResponse ClientRefused(string detail) => new(null, [], "the client could not send it", detail) { NotSent = true };

    /// <summary>For the status histogram.</summary>
    public string StatusLabel => Status?.ToString(System.Globalization.CultureInfo.InvariantCulture)
                                 ?? (Abandoned ? "abandoned by the client (expected)" : NotSent ? "not sent (generator error)" : "no answer: " + Problem);
}
