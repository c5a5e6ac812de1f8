namespace Helpdesk.Standalone.Hosting;

/// <summary>Which of the <see cref="RequestLimitsOptions"/> a body broke.</summary>
public enum RequestBodyTimeoutKind
{
    /// <summary>Kestrel's averaged minimum data rate.</summary>
    MinDataRate,

    /// <summary>No bytes for the idle timeout while the product was reading.</summary>
    Idle,

    /// <summary>The body was not complete within the total timeout.</summary>
    Total,
}
