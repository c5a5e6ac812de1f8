using System.Security.Cryptography;
using Helpdesk.Core.Web;

namespace Helpdesk.Standalone.Hosting;

/// <summary>
/// <c>dotnet run</c> works with a running Azurite and nothing else: in the Development environment
/// (<c>Properties/launchSettings.json</c>) appsettings.Development.json points at Azurite and smtp4dev, and a missing
/// technician key is generated once into <c>.local/api-key</c> at the repository root (the file
/// <c>./scripts/run.sh</c> uses), saying so in one log line; a missing signing key likewise into
/// <c>.local/signing-key</c>. Outside Development nothing is defaulted.
/// </summary>
public static class DevelopmentDefaults
{
    public const string KeyFile = "api-key";
    public const string SigningKeyFile = "signing-key";
    public const string InboundKeyFile = "inbound-key";

    /// <summary>The first admin's sign-in key, written once when the roster is empty (see <c>Technicians/RosterBootstrap</c>).</summary>
    public const string ConsoleKeyFile = "console-key";

    public static WebApplicationBuilder AddDevelopmentDefaults(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Environment.IsDevelopment() && string.IsNullOrEmpty(builder.Configuration["Helpdesk:Technicians:FirstAdminEmail"]))
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Helpdesk:Technicians:FirstAdminEmail"] = "admin@localhost.test",
                ["Helpdesk:Technicians:FirstAdminKeyFile"] = Path.Combine(LocalFolder(builder.Environment.ContentRootPath), ConsoleKeyFile),
            });
        }

        if (!builder.Environment.IsDevelopment())
        {
            return builder;
        }

        var local = LocalFolder(builder.Environment.ContentRootPath);
        if (string.IsNullOrEmpty(builder.Configuration["Helpdesk:Signing:Key"]))
        {
            var signingKey = ReadOrCreate(Path.Combine(local, SigningKeyFile), () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Helpdesk:Signing:Key"] = signingKey });
        }

        if (string.IsNullOrEmpty(builder.Configuration["Helpdesk:Inbound:Key"]))
        {
            // The key relays and webhooks present on the inbound mail routes (separate from the technicians' key).
            var inboundKey = ReadOrCreate(Path.Combine(local, InboundKeyFile), () => Base64Url.Encode(RandomNumberGenerator.GetBytes(24)));
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Helpdesk:Inbound:Key"] = inboundKey });
        }

        if (!string.IsNullOrEmpty(builder.Configuration["Helpdesk:ApiKey"]))
        {
            return builder;
        }

        var path = Path.Combine(local, KeyFile);
        var key = ReadOrCreate(path, () => Base64Url.Encode(RandomNumberGenerator.GetBytes(24)));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Helpdesk:ApiKey"] = key });
        builder.Services.AddHostedService(sp => new DevelopmentKeyNotice(sp.GetRequiredService<ILogger<DevelopmentKeyNotice>>(), path));
        return builder;
    }

    /// <summary>The secret kept in <paramref name="path"/>, created (readable by its owner only) when missing.</summary>
    private static string ReadOrCreate(string path, Func<string> create)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, create() + "\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return File.ReadAllText(path).Trim();
    }

    /// <summary>The repository's <c>.local/</c> (found by its solution file), else one beside the content root.</summary>
    private static string LocalFolder(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
            {
                return Path.Combine(dir.FullName, ".local");
            }
        }

        return Path.Combine(contentRoot, ".local");
    }
}
