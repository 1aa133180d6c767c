#region usings
using System.Xml.Linq;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Conversion;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;
#endregion

namespace Xen.Hvm.Snippets;

/// <summary>docs/articles/libvirt.md, migration.md and model-json.md, on fixtures/winxp.cfg (xl) and guest.cfg (xm).</summary>
internal static class Conversion
{
    public static void Run()
    {
        Libvirt();
        Migration();
        ModelJson();
    }

    private static void Libvirt()
    {
        #region libvirt
        DomainConfig model = DomainConfig.Bind(XenConfig.Load("winxp.cfg")).Config;
        ParseResult<XDocument> xml = LibvirtXml.FromConfig(model);                   // the xen-xl converter, libvirt's test host
        XDocument domain = xml.Value;

        ParseResult<ConfigDocument> cfg = LibvirtXml.ToConfigDocument(domain);     // libvirt's config text, byte for byte
        ParseResult<DomainConfig> back = LibvirtXml.ToConfig(domain);              // that config, bound
        #endregion

        Check.That(cfg.Success && back.Success, "libvirt: the domain XML reads back");
    }

    private static void Migration()
    {
        #region migration
        ConfigDocument xm = XenConfig.Load("guest.cfg");
        var options = new MigrationOptions
        {
            // As for 'xm create guest.cfg vmid=2' on the old host: what os.uname() and os.path.exists said, and the command line.
            XmContext = new XmEvaluationContext
            {
                Host = XmHostProfile.Parse("Linux dom0 2.6.18 #1 SMP x86_64"),
                PathAnswers = new Dictionary<string, bool> { ["/usr/lib64"] = true },
            }.WithCommandLine(["vmid=2"]),
            Path = "guest.xl.cfg",
        };
        MigrationResult result = XmToXl.Migrate(xm, options);
        foreach (var note in result.Notes)
            Console.WriteLine(note);        // guest.cfg(12,11): info XH9006: xm's 'builder' is written as xl's 'type'
        if (!result.HasErrors)
            result.Document.Save(options.Path, new ConfigSaveOptions { ReplaceExistingFile = false });
        #endregion

        Check.That(!result.HasErrors && File.Exists("guest.xl.cfg"), "migration: the xl file is written");
    }

    private static void ModelJson()
    {
        #region model-json
        DomainConfig model = DomainConfig.Bind(XenConfig.Load("winxp.cfg")).Config;
        string json = DomainConfigJson.Serialize(model);            // indented; Serialize(model, indented: false) for one line
        ParseResult<DomainConfig> back = DomainConfigJson.Parse(json, "winxp.json");
        bool same = back.Success && back.Value == model;             // true: reading gives back an equal model
        #endregion

        Check.That(same, "model JSON: reading gives back an equal model");
    }
}
