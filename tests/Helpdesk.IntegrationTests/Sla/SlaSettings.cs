namespace Helpdesk.IntegrationTests.Sla;

/// <summary>Seconds-long SLA targets for P1 (24/7, so notifications are never deferred to business hours).</summary>
internal static class SlaSettings
{
    public static Dictionary<string, string?> P1(TimeSpan firstResponse, TimeSpan resolution) => new()
    {
        ["Helpdesk:Sla:P1:FirstResponse"] = firstResponse.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        ["Helpdesk:Sla:P1:Resolution"] = resolution.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        ["Helpdesk:Sla:P1:TwentyFourSeven"] = "true",
        ["Helpdesk:Sla:Notifications:Groups:L1"] = "l1@helpdesk.test",
        ["Helpdesk:Sla:Notifications:Groups:L2"] = "l2@helpdesk.test",
        ["Helpdesk:Sla:Notifications:Groups:L3"] = "l3@helpdesk.test",
        ["Helpdesk:Sla:Notifications:Managers"] = "managers@helpdesk.test",
    };
}
