using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Conversion.Internal;

// Device lists: each item read as xend read it, then written in xl's form (§5.5, §5.6 of the reference).
internal sealed partial class XmMigrator
{
    private void Disks(ConfigValue raw) => ItemList("disk", raw, Disk, CdromItem());

    /// <summary>A list option item by item: each string converted, anything else copied with a warning.</summary>
    private void ItemList(string name, ConfigValue raw, Func<int, string, string> convert, string? extraItem = null)
    {
        if (raw is not ConfigList list)
        {
            Note(DiagnosticDescriptors.MigrationValueCopied, Locate(name), name, "xend needs a list");
            Write(name, name, raw);
            return;
        }

        var items = new List<ConfigValue>();
        for (int i = 0; i < list.Items.Count; i++)
        {
            items.Add(list.Items[i] is ConfigString s ? new ConfigString(convert(i, s.Value)) : CopiedItem(name, i, list.Items[i]));
        }

        if (extraItem is not null)
        {
            items.Add(new ConfigString(extraItem));
        }

        Write(name, name, new ConfigList(items));
    }

    private string Disk(int index, string text)
    {
        Text.SourceLocation at = LocateItem("disk", index);
        if (!DiskSpec.Parse(text, ConfigDialect.Xm).TryGetValue(out DiskSpec? disk))
        {
            Note(DiagnosticDescriptors.MigrationValueCopied, at, $"disk item {index}",
                DiskSpec.Parse(text, ConfigDialect.Xl).Success ? "xend cannot read it (it is already in xl's form)" : "neither xend nor xl can read it");
            return text;
        }

        string extra = string.Empty;
        if (disk.Access == DiskAccess.SharedWrite)
        {
            Note(DiagnosticDescriptors.MigrationSharedWritableDisk, at, index);
            disk = disk with { Access = DiskAccess.ReadWrite };
        }

        if (disk.XmProtocol is { } protocol)
        {
            Note(DiagnosticDescriptors.MigrationSpecPartDropped, at, "disk", index, protocol, "xl chooses the ring protocol from the guest");
            disk = disk with { XmProtocol = null };
        }

        if (disk.XmUnameType is { } uname && uname.EndsWith(":vmdk", StringComparison.Ordinal))
        {
            Note(DiagnosticDescriptors.MigrationSpecPartDropped, DiagnosticSeverity.Warning, at, "disk", index, "vmdk",
                "xl has no VMDK format, so it reads the image as raw: convert it first (qemu-img convert -O qcow2)");
        }

        // xend's block script took phy:sda7 as /dev/sda7; libxl needs the path.
        if (disk.BackendType == DiskBackendType.Phy && disk.Target is { Length: > 0 } target && target[0] != '/')
        {
            disk = disk with { Target = "/dev/" + target };
            extra = $"; '{target}' is /dev/{target}, as xend's block script read it";
        }

        // libxl reads an HVM guest's CD-ROM through qemu only (qdisk): phy: selected blkback in xend, which xl refuses.
        if (IsHvm && disk.DeviceType == DiskDeviceType.Cdrom && disk.BackendType == DiskBackendType.Phy)
        {
            disk = disk with { BackendType = DiskBackendType.Unknown };
            extra += "; xl reads an HVM guest's CD-ROM through qemu, so the phy: backend is not kept";
        }

        string xl = (disk with { XmUnameType = null }).ToSpecString(ConfigDialect.Xl);
        Note(DiagnosticDescriptors.MigrationSpecRewritten, at, "disk", index, text, extra);
        return xl;
    }

    /// <summary>xm 3.0's cdrom = PATH was the CD drive hdc.</summary>
    private string? CdromItem()
    {
        if (Config.XmCdrom is not { Length: > 0 } path || !IsHvm)
        {
            return null;
        }

        var cdrom = new DiskSpec { Target = path, Format = DiskFormat.Raw, Vdev = "hdc", Access = DiskAccess.ReadOnly, DeviceType = DiskDeviceType.Cdrom };
        return cdrom.ToSpecString(ConfigDialect.Xl);
    }

    private void Cdrom(string? path)
    {
        if (CdromItem() is not { } item)
        {
            Note(DiagnosticDescriptors.MigrationOptionNotNeeded, Locate("cdrom"), "cdrom",
                path is { Length: > 0 } ? "xend gave only HVM guests the cdrom drive" : "it names no image");
            return;
        }

        Note(DiagnosticDescriptors.MigrationOptionFolded, Locate("cdrom"), "cdrom", "disk", item);
        if (!_evaluation.Variables.ContainsKey("disk"))
        {
            Write("cdrom", "disk", new ConfigList([new ConfigString(item)]));
        }
    }

    private void Vifs(ConfigValue raw) => ItemList("vif", raw, Vif);

    private string Vif(int index, string text)
    {
        Text.SourceLocation at = LocateItem("vif", index);
        bool retyped = false;
        if (!VifSpec.Parse(text, ConfigDialect.Xm).TryGetValue(out VifSpec? vif) && OtherType(text) is { } pv &&
            VifSpec.Parse(pv, ConfigDialect.Xm).TryGetValue(out vif))
        {
            // xend made an emulated NIC for type=ioemu only; any other type (libvirt writes type=netfront) was PV.
            vif = vif with { Type = VifType.Vif };
            retyped = true;
        }

        if (vif is null)
        {
            Note(DiagnosticDescriptors.MigrationValueCopied, at, $"vif item {index}",
                VifSpec.Parse(text, ConfigDialect.Xl).Success ? "xend cannot read it (it is already in xl's form)" : "neither xend nor xl can read it");
            return text;
        }

        bool dropped = false;
        void Drop(string key, string? value, string why)
        {
            if (value is not null)
            {
                Note(DiagnosticDescriptors.MigrationSpecPartDropped, DiagnosticSeverity.Warning, at, "vif", index, key + "=" + value, why);
                dropped = true;
            }
        }

        Drop("policy", vif.Policy, "xl has no ACM policy or label on interfaces");
        Drop("label", vif.Label, "xl has no ACM policy or label on interfaces");
        Drop("accel", vif.Accel, "xl ignores accel (netchannel2 acceleration is gone)");
        vif = vif with { Policy = null, Label = null, Accel = null };
        if (!IsHvm && vif.Type == VifType.Ioemu)
        {
            Note(DiagnosticDescriptors.MigrationSpecPartDropped, at, "vif", index, "type=ioemu", "a PV guest has no emulated interface (xl refuses one)");
            vif = vif with { Type = null };
            dropped = true;
        }

        return Canonical("vif", index, text, vif, SpecKind.Vif, dropped || retyped, at,
            retyped ? "; xend made an emulated interface for type=ioemu only, so this one is type=vif (PV)" : string.Empty);
    }

    /// <summary>The vif text with a type other than ioemu and vif replaced by vif, or null when it has none.</summary>
    private static string? OtherType(string text)
    {
        string[] items = text.Split(',');
        bool found = false;
        for (int i = 0; i < items.Length; i++)
        {
            string[] kv = items[i].Split('=', 2);
            if (kv.Length == 2 && kv[0].Trim() == "type" && kv[1].Trim() is not ("ioemu" or "vif"))
            {
                items[i] = "type=vif";
                found = true;
            }
        }

        return found ? string.Join(",", items) : null;
    }

    /// <summary>A list of spec strings that xl spells as xm did, or in its own canonical form where it differs.</summary>
    private void SpecList(string name, SpecKind kind, ConfigValue raw) => ItemList(name, raw, (i, text) =>
    {
        Text.SourceLocation at = LocateItem(name, i);
        if (!SpecString.Parse(kind, text, ConfigDialect.Xm).TryGetValue(out ISpecValue? value))
        {
            Note(DiagnosticDescriptors.MigrationValueCopied, at, $"{name} item {i}", "xend cannot read it");
            return text;
        }

        return Canonical(name, i, text, value, kind, false, at);
    });

    /// <summary>The item as written when xl reads it to the same value with nothing to say, else xl's canonical form.</summary>
    private string Canonical(string name, int index, string text, ISpecValue value, SpecKind kind, bool changed, Text.SourceLocation at, string why = "")
    {
        string canonical = value.ToSpecString(ConfigDialect.Xl);
        ParseResult<ISpecValue> asXl = SpecString.Parse(kind, text, ConfigDialect.Xl);
        if (!changed && asXl.Success && asXl.Diagnostics.Count == 0 && asXl.Value.ToSpecString(ConfigDialect.Xl) == canonical)
        {
            return text;
        }

        Note(DiagnosticDescriptors.MigrationSpecRewritten, at, name, index, text, why);
        return canonical;
    }

    private ConfigValue CopiedItem(string name, int index, ConfigValue item)
    {
        Note(DiagnosticDescriptors.MigrationValueCopied, LocateItem(name, index), $"{name} item {index}", "xend needs a string");
        return item;
    }
}
