namespace Xen.Hvm.Specs;

/// <summary>The SMBIOS strings an <c>smbios</c> item can set (libxl <c>libxl_smbios_type</c>).</summary>
public enum SmbiosKey
{
    /// <summary><c>bios_vendor</c>.</summary>
    BiosVendor,

    /// <summary><c>bios_version</c>.</summary>
    BiosVersion,

    /// <summary><c>system_manufacturer</c>.</summary>
    SystemManufacturer,

    /// <summary><c>system_product_name</c>.</summary>
    SystemProductName,

    /// <summary><c>system_version</c>.</summary>
    SystemVersion,

    /// <summary><c>system_serial_number</c>.</summary>
    SystemSerialNumber,

    /// <summary><c>baseboard_manufacturer</c>.</summary>
    BaseboardManufacturer,

    /// <summary><c>baseboard_product_name</c>.</summary>
    BaseboardProductName,

    /// <summary><c>baseboard_version</c>.</summary>
    BaseboardVersion,

    /// <summary><c>baseboard_serial_number</c>.</summary>
    BaseboardSerialNumber,

    /// <summary><c>baseboard_asset_tag</c>.</summary>
    BaseboardAssetTag,

    /// <summary><c>baseboard_location_in_chassis</c>.</summary>
    BaseboardLocationInChassis,

    /// <summary><c>enclosure_manufacturer</c>.</summary>
    EnclosureManufacturer,

    /// <summary><c>enclosure_serial_number</c>.</summary>
    EnclosureSerialNumber,

    /// <summary><c>enclosure_asset_tag</c>.</summary>
    EnclosureAssetTag,

    /// <summary><c>battery_manufacturer</c>.</summary>
    BatteryManufacturer,

    /// <summary><c>battery_device_name</c>.</summary>
    BatteryDeviceName,

    /// <summary><c>oem</c> (at most 99 per guest).</summary>
    Oem,
}
