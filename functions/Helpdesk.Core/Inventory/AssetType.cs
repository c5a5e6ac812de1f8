namespace Helpdesk.Core.Inventory;

/// <summary>What an asset is; written in kebab case on the wire (<c>network-device</c>, <c>software-licence</c>).</summary>
public enum AssetType
{
    Workstation,
    Laptop,
    Server,
    Storage,
    Printer,
    NetworkDevice,
    Firewall,
    Phone,
    SoftwareLicence,
}
