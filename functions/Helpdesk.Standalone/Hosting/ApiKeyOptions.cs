
namespace Helpdesk.Standalone.Hosting;

/// <summary>
/// The technician API key of the standalone host (setting <c>Helpdesk:ApiKey</c>, env <c>Helpdesk__ApiKey</c>),
/// sent in the <c>x-functions-key</c> header exactly as a function key is sent to the Functions app.
/// </summary>
public sealed class ApiKeyOptions
{
    public const string Section = "Helpdesk";
    public const string Header = "x-functions-key";
    public const int MinLength = 24;

    public string? ApiKey { get; set; }
}
