namespace Helpdesk.Core.Providers;

/// <summary>The provider directory (section <c>Helpdesk:Providers</c>): one list per instance, i.e. per client company.</summary>
public sealed class ProviderDirectoryOptions
{
    public const string Section = "Helpdesk:Providers";

    public List<ProviderOptions> Directory { get; } = [];
}
