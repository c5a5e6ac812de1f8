
namespace Helpdesk.Standalone.Hosting;

/// <summary>
/// The machine keys of the standalone host, sent in the <c>x-functions-key</c> header exactly as a function key is
/// sent to the Functions app: <c>Helpdesk:ApiKey</c> (env <c>Helpdesk__ApiKey</c>), known as the key named
/// <see cref="DefaultKeyName"/>, and any number of named ones, <c>Helpdesk:ApiKeys:NAME</c> (env
/// <c>Helpdesk__ApiKeys__NAME</c>). Actions are attributed to the key's name.
/// </summary>
public sealed class ApiKeyOptions
{
    public const string Section = "Helpdesk";
    public const string Header = "x-functions-key";
    public const int MinLength = 24;
    public const string DefaultKeyName = "api";

    public string? ApiKey { get; set; }

    public Dictionary<string, string?> ApiKeys { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<(string Name, string Key)> NamedKeys()
    {
        if (!string.IsNullOrEmpty(ApiKey))
        {
            yield return (DefaultKeyName, ApiKey);
        }

        foreach (var (name, key) in ApiKeys)
        {
            if (!string.IsNullOrEmpty(key))
            {
                yield return (name, key);
            }
        }
    }
}
