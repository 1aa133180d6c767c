using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Specs.Internal;

/// <summary>
/// The actions of libxlu's disk lexer and the checks of <c>xlu_disk_parse</c>, applied to a token stream: the xl
/// reading of a disk spec.
/// </summary>
internal sealed class DiskInterpreter
{
    private readonly SpecContext _ctx;
    private readonly string _s;
    private bool _err;
    private bool _accessSet;
    private bool _hadPrefix;
    private bool _formatSet;

    /// <summary>The ignored prefixes (<c>phy</c>, <c>tap:aio</c>) read since the last other token, joined by ':'; null after a format or script prefix.</summary>
    private string? _pendingPrefix;
    private bool _pendingMixed;

    /// <summary>The prefixes written before the target, when all of them are ones xl ignores (xm reads them as the backend).</summary>
    private string? _targetPrefix;

    /// <summary>The deprecated prefix that took the positional format slot, for XH6150.</summary>
    private SpecToken? _firstPrefix;

    private string? _target;
    private DiskFormat _format;
    private string? _vdev;
    private bool _readWrite = true;
    private bool _cdrom;
    private DiskBackendType _backendType;
    private DiskSpecification _specification;
    private string? _backend;
    private string? _script;
    private bool _directIoSafe;
    private bool? _discard;
    private bool? _colo;
    private string? _coloHost;
    private int? _coloPort;
    private string? _coloExport;
    private string? _activeDisk;
    private string? _hiddenDisk;
    private bool? _trusted;
    private bool? _grantUsage;

    private DiskInterpreter(SpecContext ctx)
    {
        _ctx = ctx;
        _s = ctx.Text;
    }

    public static DiskSpec? Run(SpecContext ctx, List<DiskToken> tokens) => new DiskInterpreter(ctx).Interpret(tokens);

    private DiskSpec? Interpret(List<DiskToken> tokens)
    {
        foreach (var t in tokens)
        {
            if (!Apply(t))
            {
                break;
            }
        }

        if (_err)
        {
            return null;
        }

        DiskFormat format = _formatSet ? _format : DiskFormat.Raw;
        if (_cdrom)
        {
            _readWrite = false;
            if (string.IsNullOrEmpty(_target))
            {
                format = DiskFormat.Empty;
            }
        }

        if (_vdev is null)
        {
            _ctx.Report(DiagnosticDescriptors.DiskNoVdev, 0, _ctx.Original.Length);
            return null;
        }

        if (_target is null && !_cdrom)
        {
            _ctx.Report(DiagnosticDescriptors.DiskNoTarget, 0, _ctx.Original.Length);
            return null;
        }

        if (!VirtualDevice.TryParse(_vdev, out _, out string? reason))
        {
            // libxlu accepts any vdev; libxl refuses it when the domain is built.
            _ctx.ReportAs(DiagnosticDescriptors.VdevInvalid, DiagnosticSeverity.Warning, VdevStart(), _vdev.Length, _vdev, reason);
        }

        return new DiskSpec
        {
            Target = _target,
            Format = format,
            Vdev = _vdev,
            Access = _readWrite ? DiskAccess.ReadWrite : DiskAccess.ReadOnly,
            DeviceType = _cdrom ? DiskDeviceType.Cdrom : DiskDeviceType.Disk,
            BackendType = _backendType,
            Specification = _specification,
            BackendDomain = _backend,
            Script = _script,
            DirectIoSafe = _directIoSafe,
            Discard = _discard,
            Colo = _colo,
            ColoHost = _coloHost,
            ColoPort = _coloPort,
            ColoExport = _coloExport,
            ActiveDisk = _activeDisk,
            HiddenDisk = _hiddenDisk,
            Trusted = _trusted,
            GrantUsage = _grantUsage,
            XmUnameType = _targetPrefix,
        };
    }

    private int _vdevStart;

    private int VdevStart() => _vdevStart;

    private void Error(DiagnosticDescriptor descriptor, int start, int length, params object?[] args)
    {
        _err = true;
        _ctx.Report(descriptor, start, length, args);
    }

    /// <summary>The value of a <c>NAME=value,</c> token, with the trailing comma stripped.</summary>
    private SpecToken ValueOf(DiskToken t)
    {
        int eq = _s.IndexOf('=', t.Start) + 1;
        int end = t.End;
        if (end > eq && _s[end - 1] == ',')
        {
            end--;
        }

        return new SpecToken(eq, _s[eq..end]);
    }

    private SpecToken Stripped(DiskToken t, char delimiter)
    {
        int end = t.End;
        if (end > t.Start && _s[end - 1] == delimiter)
        {
            end--;
        }

        return new SpecToken(t.Start, _s[t.Start..end]);
    }

    /// <summary>Applies one token; false when the lexer stops.</summary>
    private bool Apply(DiskToken t)
    {
        switch (t.Rule)
        {
            case DiskRule.Whitespace:
                return true;
            case DiskRule.FormatPrefix or DiskRule.ScriptPrefix or DiskRule.TapdiskPrefix or DiskRule.AioPrefix
                or DiskRule.IoemuPrefix or DiskRule.TapPrefix or DiskRule.FilePrefix or DiskRule.PhyPrefix:
                NotePrefix(t);
                break;
            case DiskRule.Positional:
                break;
            default:
                _pendingPrefix = null;
                _pendingMixed = false;
                break;
        }

        switch (t.Rule)
        {
            case DiskRule.Format:
                SetFormat(ValueOf(t));
                return true;
            case DiskRule.Cdrom:
            case DiskRule.DevtypeCdrom:
                _cdrom = true;
                return true;
            case DiskRule.DevtypeDisk:
                _cdrom = false;
                return true;
            case DiskRule.DevtypeOther:
            {
                var v = ValueOf(t);
                Error(DiagnosticDescriptors.DiskUnknownDeviceType, v.Start, v.Length, v.Text);
                return true;
            }

            case DiskRule.Access:
                SetAccess(ValueOf(t), null);
                return true;
            case DiskRule.Backend:
                SaveString("backend", ref _backend, ValueOf(t));
                return true;
            case DiskRule.BackendType:
                SetBackendType(ValueOf(t));
                return true;
            case DiskRule.Specification:
                SetSpecification(ValueOf(t));
                return true;
            case DiskRule.Vdev:
            {
                var v = ValueOf(t);
                if (SaveString("vdev", ref _vdev, v))
                {
                    _vdevStart = v.Start;
                }

                return true;
            }

            case DiskRule.Script:
                SaveString("script", ref _script, ValueOf(t));
                return true;
            case DiskRule.DirectIoSafe:
                _directIoSafe = true;
                return true;
            case DiskRule.Discard:
                _discard = true;
                return true;
            case DiskRule.NoDiscard:
                _discard = false;
                return true;
            case DiskRule.Colo:
                _colo = true;
                return true;
            case DiskRule.NoColo:
                _colo = false;
                return true;
            case DiskRule.ColoHost:
                SaveString("colo-host", ref _coloHost, ValueOf(t));
                return true;
            case DiskRule.ColoPort:
            {
                var v = ValueOf(t);
                int port = CNumbers.Atoi(v.Text, out _);
                if (port != 0)
                {
                    _coloPort = port;
                }
                else
                {
                    Error(DiagnosticDescriptors.DiskInvalidColoPort, v.Start, v.Length, v.Text);
                }

                return true;
            }

            case DiskRule.ColoExport:
                SaveString("colo-export", ref _coloExport, ValueOf(t));
                return true;
            case DiskRule.ActiveDisk:
                SaveString("active-disk", ref _activeDisk, ValueOf(t));
                return true;
            case DiskRule.HiddenDisk:
                SaveString("hidden-disk", ref _hiddenDisk, ValueOf(t));
                return true;
            case DiskRule.Trusted:
                _trusted = true;
                return true;
            case DiskRule.Untrusted:
                _trusted = false;
                return true;
            case DiskRule.GrantUsage1:
                _grantUsage = true;
                return true;
            case DiskRule.GrantUsage0:
                _grantUsage = false;
                return true;
            case DiskRule.Target:
                SaveString("target", ref _target, ValueOf(t));
                return true;
            case DiskRule.UnknownParameter:
                Error(DiagnosticDescriptors.DiskUnknownParameter, t.Start, t.Length, _s.Substring(t.Start, _s.IndexOf('=', t.Start) - t.Start));
                return true;
            case DiskRule.FormatPrefix:
                _hadPrefix = true;
                SetFormat(Stripped(t, ':'));
                return true;
            case DiskRule.ScriptPrefix:
            {
                _hadPrefix = true;
                var name = Stripped(t, ':');
                SaveString("script", ref _script, new SpecToken(name.Start, "block-" + name.Text));
                return true;
            }

            case DiskRule.TapdiskPrefix:
            case DiskRule.AioPrefix:
            case DiskRule.IoemuPrefix:
                _hadPrefix = true;
                return true;
            case DiskRule.TapPrefix:
            case DiskRule.FilePrefix:
            case DiskRule.PhyPrefix:
                _hadPrefix = true;
                _ctx.Report(DiagnosticDescriptors.DiskPrefixIgnoredByXl, t.Start, t.Length, _s.Substring(t.Start, t.Length));
                return true;
            case DiskRule.UnknownPrefix:
                Error(DiagnosticDescriptors.DiskUnknownPrefix, t.Start, t.Length, _s.Substring(t.Start, t.Length));
                return false;
            case DiskRule.Positional:
                return Positional(Stripped(t, ','));
            default:
            {
                if (t.Start + 1 == _s.Length)
                {
                    // flex reaches the end of the buffer in the LEXERR state and returns without running the error
                    // action: libxlu silently ignores one stray character at the very end.
                    _ctx.ReportAs(DiagnosticDescriptors.DiskBadSyntax, DiagnosticSeverity.Warning, t.Start, t.Length, _s.Substring(t.Start, t.Length));
                    return false;
                }

                Error(DiagnosticDescriptors.DiskBadSyntax, t.Start, t.Length, _s.Substring(t.Start, t.Length));
                return false;
            }
        }
    }

    /// <summary>Follows the prefixes before a positional item: xl ignores <c>phy:</c> and <c>tap:aio:</c>, but xm reads them as the backend.</summary>
    private void NotePrefix(DiskToken t)
    {
        var prefix = Stripped(t, ':');
        _firstPrefix ??= new SpecToken(t.Start, _s.Substring(t.Start, t.Length));
        if (t.Rule is DiskRule.FormatPrefix or DiskRule.ScriptPrefix)
        {
            _pendingMixed = true;
        }

        _pendingPrefix = _pendingPrefix is null ? prefix.Text : _pendingPrefix + ":" + prefix.Text;
    }

    private bool Positional(SpecToken v)
    {
        string? pending = _pendingPrefix;
        bool mixed = _pendingMixed;
        _pendingPrefix = null;
        _pendingMixed = false;
        return Positional(v, pending, mixed);
    }

    private bool Positional(SpecToken v, string? prefix, bool mixed)
    {
        if (_err)
        {
            // Previous errors may just lead to subsequent ones.
            return true;
        }

        if (_target is null)
        {
            SaveString("target", ref _target, v);
            _targetPrefix = mixed ? null : prefix;
        }
        else if (!_hadPrefix && !_formatSet)
        {
            if (_target.Length == 0 && VdevAndDevtype(v))
            {
                _format = DiskFormat.Empty;
                _formatSet = true;
            }
            else
            {
                SetFormat(v, positional: true);
            }
        }
        else if (_vdev is null)
        {
            if (!VdevAndDevtype(v))
            {
                SaveString("vdev", ref _vdev, v);
                _vdevStart = v.Start;
            }
        }
        else if (!_accessSet)
        {
            _accessSet = true;
            SetAccess(v, _hadPrefix ? _firstPrefix : null);
        }
        else
        {
            Error(DiagnosticDescriptors.DiskTooManyPositional, v.Start, v.Length, v.Text);
            return false;
        }

        return true;
    }

    /// <summary>Handles <c>vdev:devtype</c>; false (doing nothing) when there is no colon.</summary>
    private bool VdevAndDevtype(SpecToken v)
    {
        int colon = v.Text.LastIndexOf(':');
        if (colon < 0)
        {
            return false;
        }

        var vdev = new SpecToken(v.Start, v.Text[..colon]);
        if (SaveString("vdev", ref _vdev, vdev))
        {
            _vdevStart = vdev.Start;
        }

        string type = v.Text[(colon + 1)..];
        if (type == "cdrom")
        {
            _cdrom = true;
        }
        else if (type == "disk")
        {
            _cdrom = false;
        }
        else
        {
            Error(DiagnosticDescriptors.DiskUnknownDeviceType, v.Start + colon + 1, type.Length, type);
        }

        return true;
    }

    private bool SaveString(string what, ref string? field, SpecToken value)
    {
        if (field is not null && field.Length > 0)
        {
            Error(DiagnosticDescriptors.DiskParameterRespecified, value.Start, value.Length, what);
            return false;
        }

        field = value.Text;
        return true;
    }

    /// <param name="v">The positional access item.</param>
    /// <param name="prefix">The deprecated prefix that made the second positional item the vdev (no format slot), if any.</param>
    private void SetAccess(SpecToken v, SpecToken? prefix)
    {
        switch (v.Text)
        {
            case "r":
            case "ro":
                _readWrite = false;
                break;
            case "w":
            case "rw":
            case "":
                _readWrite = true;
                break;
            case "w!":
                Error(DiagnosticDescriptors.DiskSharedWriteNotInXl, v.Start, v.Length);
                break;
            case var _ when prefix is { } p:
                // qcow2:/x,,hda: the prefix stands for the format, so '' is the vdev and 'hda' the access.
                Error(DiagnosticDescriptors.DiskPrefixTookFormatSlot, v.Start, v.Length, v.Text, p.Text, _vdev);
                break;
            default:
                Error(DiagnosticDescriptors.DiskUnknownAccess, v.Start, v.Length, v.Text);
                break;
        }
    }

    private void SetFormat(SpecToken v, bool positional = false)
    {
        DiskFormat? f = v.Text switch
        {
            "" or "raw" => DiskFormat.Raw,
            "qcow" => DiskFormat.Qcow,
            "qcow2" => DiskFormat.Qcow2,
            "vhd" => DiskFormat.Vhd,
            "empty" => DiskFormat.Empty,
            "qed" => DiskFormat.Qed,
            _ => null,
        };
        if (f is null)
        {
            if (positional && LooksLikeVdev(v.Text))
            {
                Error(DiagnosticDescriptors.DiskFormatLooksLikeVdev, v.Start, v.Length, v.Text);
            }
            else
            {
                Error(DiagnosticDescriptors.DiskUnknownFormat, v.Start, v.Length, v.Text);
            }

            return;
        }

        if (_formatSet && _format != f.Value)
        {
            Error(DiagnosticDescriptors.DiskParameterRespecified, v.Start, v.Length, "format");
            return;
        }

        _format = f.Value;
        _formatSet = true;
    }

    private static bool LooksLikeVdev(string text)
    {
        int colon = text.LastIndexOf(':');
        string name = colon >= 0 ? text[..colon] : text;
        if (name.StartsWith("ioemu:", StringComparison.Ordinal))
        {
            name = name[6..];
        }

        return VirtualDevice.TryParse(name, out _);
    }

    private void SetBackendType(SpecToken v)
    {
        DiskBackendType? b = v.Text switch
        {
            "phy" => DiskBackendType.Phy,
            "tap" => DiskBackendType.Tap,
            "qdisk" => DiskBackendType.Qdisk,
            "standalone" => DiskBackendType.Standalone,
            _ => null,
        };
        if (b is null)
        {
            Error(DiagnosticDescriptors.DiskUnknownBackendType, v.Start, v.Length, v.Text);
        }
        else if (_backendType != DiskBackendType.Unknown && _backendType != b.Value)
        {
            Error(DiagnosticDescriptors.DiskParameterRespecified, v.Start, v.Length, "backendtype");
        }
        else
        {
            _backendType = b.Value;
        }
    }

    private void SetSpecification(SpecToken v)
    {
        DiskSpecification? b = v.Text switch
        {
            "xen" => DiskSpecification.Xen,
            "virtio" => DiskSpecification.Virtio,
            _ => null,
        };
        if (b is null)
        {
            Error(DiagnosticDescriptors.DiskUnknownSpecification, v.Start, v.Length, v.Text);
        }
        else if (_specification != DiskSpecification.Unknown && _specification != b.Value)
        {
            Error(DiagnosticDescriptors.DiskParameterRespecified, v.Start, v.Length, "specification");
        }
        else
        {
            _specification = b.Value;
        }
    }
}
