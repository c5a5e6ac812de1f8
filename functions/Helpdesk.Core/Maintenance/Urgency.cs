namespace Helpdesk.Core.Maintenance;

/// <summary>How soon a finding needs action; the digest groups by it, most urgent first.</summary>
public enum Urgency
{
    Urgent,
    Soon,
    Planned,
}
