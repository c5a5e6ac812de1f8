using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Helpdesk.Core.Security;

public static class SigningServiceCollectionExtensions
{
    /// <summary>
    /// The instance's <see cref="Signer"/> (key <c>Helpdesk:Signing:Key</c>, validated at start). Registered by every
    /// feature that signs or checks what it hands out (mail threading, status links); safe to call more than once.
    /// </summary>
    public static IServiceCollection AddHelpdeskSigning(this IServiceCollection services)
    {
        services.AddValidatedOptions<SigningOptions, SigningOptionsValidator>(SigningOptions.Section);
        services.TryAddSingleton<Signer>();
        return services;
    }
}
