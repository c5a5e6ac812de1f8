namespace Helpdesk.Standalone.Console;

/// <summary>
/// The sign-in protocol's own cookies (correlation, nonce) under the console's cookie rule: <c>Secure</c> everywhere
/// but a loopback address served over plain HTTP, like the session and anti-forgery cookies
/// (<see cref="Core.Console.ConsoleForms.CookieOptions"/>). Everything else (name, path under the callback, expiry)
/// stays the library's.
/// </summary>
internal sealed class ConsoleCookieBuilder(CookieBuilder inner) : CookieBuilder
{
    public override string? Name { get => inner.Name; set => inner.Name = value; }

    public override string? Path { get => inner.Path; set => inner.Path = value; }

    public override string? Domain { get => inner.Domain; set => inner.Domain = value; }

    public override bool HttpOnly { get => inner.HttpOnly; set => inner.HttpOnly = value; }

    public override SameSiteMode SameSite { get => inner.SameSite; set => inner.SameSite = value; }

    public override CookieSecurePolicy SecurePolicy { get => inner.SecurePolicy; set => inner.SecurePolicy = value; }

    public override TimeSpan? Expiration { get => inner.Expiration; set => inner.Expiration = value; }

    public override TimeSpan? MaxAge { get => inner.MaxAge; set => inner.MaxAge = value; }

    public override bool IsEssential { get => inner.IsEssential; set => inner.IsEssential = value; }

    public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = inner.Build(context, expiresFrom);
        options.Secure = context.Request.IsHttps || !Core.Console.ConsoleForms.IsLoopback(context);
        return options;
    }
}
