using Xen.Hvm.Specs;

namespace Xen.Hvm.Benchmarks.Specs;

/// <summary>Eight typical specs of every language (of our own writing, in the forms the man pages show).</summary>
internal static class SpecInputs
{
    public const int PerLanguage = 8;

    public static readonly Dictionary<SpecKind, string[]> Typical = new()
    {
        [SpecKind.Disk] =
        [
            "phy:/dev/vg/xp,ioemu:hda,w", "file:/root/xenimages/winXP128.img,ioemu:hda,w", ",hdc:cdrom,r",
            "format=qcow2,vdev=xvda,access=rw,backendtype=qdisk,target=/var/lib/xen/images/debian/disk.qcow2",
            "/dev/vg/guest-volume,raw,xvda,rw", "tap:aio:/root/some.img,xvda,w", "/root/boot.iso,raw,hdc,ro,devtype=cdrom",
            "format=raw, vdev=hda, access=rw, target=/dev/HostVG/XenGuest2",
        ],
        [SpecKind.Vif] =
        [
            "type=ioemu, bridge=xenbr0, mac=00:16:3e:00:00:01", "mac=00:16:3e:66:92:9c,bridge=xenbr1,script=vif-bridge,model=e1000",
            "bridge=xenbr0", "bridge=br0,rate=10Mb/s@20ms,vlan=10p/100+10x4,mtu=9000", "mac=00:16:3e:12:34:56,bridge=xenbr0,vifname=web0",
            "type=vif,bridge=xenbr0", string.Empty, "model=rtl8139,bridge=xenbr0,ip=10.0.0.2",
        ],
        [SpecKind.Pci] =
        [
            "0000:01:00.0@8,permissive=1", "01:00.0", "0000:02:00.*", "0000:01:1a.1,msitranslate=1,power_mgmt=0",
            "03:00.0,rdm_policy=relaxed", "name=gpu0", "0000:00:02.0,seize=1", "bdf=0000:03:00.0,permissive=1",
        ],
        [SpecKind.Vfb] =
        [
            "vnc=1", "vnc=1,vnclisten=0.0.0.0,vncdisplay=1", "sdl=1,opengl=1,display=:0,xauthority=/root/.Xauthority",
            "vnc=1,vncunused=1,keymap=de", "vnc=1,vncpasswd=secret", "vnc=0,sdl=0", "vnclisten=127.0.0.1,vncdisplay=5,vncunused=0",
            "vnc=1,type=vnc",
        ],
        [SpecKind.Channel] =
        [
            "name=org.qemu.guest_agent.0,connection=socket,path=/run/xen/qga.sock", "name=a,connection=pty", "name=b, connection = pty",
            "connection=pty", "name=c,connection=socket,path=/tmp/c,backend=0", "name=org.example.x,connection=pty,backend=dom1",
            "name=d,connection=socket,path=/run/d", "name=e,connection=pty",
        ],
        [SpecKind.Vtpm] =
        [
            "backend=vtpmmgr", "backend=0,uuid=c7a5fdb2-cdaf-9455-926a-d65c16db1809", "backend=vtpm-domu", "backend=1",
            "uuid=c7a5fdb2-cdaf-9455-926a-d65c16db1809,backend=2", "backend=vtpmmgr,uuid=00000000-0000-0000-0000-000000000001",
            "backend=x", "backend=vtpm",
        ],
        [SpecKind.P9] =
        [
            "tag=share,path=/srv,security_model=none", "tag=t,path=/p,security_model=none,type=xen_9pfsd,max-files=100",
            "tag=home,path=/home,security_model=none,backend=0", "tag=a,path=/a,security_model=none,type=qemu",
            "tag=b,path=/b,security_model=none,max-open-files=10,max-space=64", "tag=c,path=/c,security_model=none,auto-delete=1",
            "tag=d, path = /d, security_model=none", "tag=e,path=/e,security_model=none,type=xen_9pfsd,max-files=1,auto-delete=0x1",
        ],
        [SpecKind.UsbCtrl] =
        [
            "type=pv,version=2,ports=4", "type=qusb,version=3,ports=15", "version=1", "type=auto", "type=devicemodel,version=2,ports=6",
            "ports=8", "type=pv", "version=3,ports=31",
        ],
        [SpecKind.UsbDev] =
        [
            "type=hostdev,hostbus=1,hostaddr=2", "hostbus=3,hostaddr=0x10,controller=0,port=1", "type=hostdev,hostbus=1,hostaddr=3,controller=1,port=2",
            "hostbus=2,hostaddr=5", "type=hostdev,hostbus=0x1,hostaddr=010", "hostbus=4,hostaddr=4,port=3", "type=hostdev,hostbus=1,hostaddr=9",
            "hostbus=1,hostaddr=1,controller=0",
        ],
        [SpecKind.UsbDevice] = ["tablet", "mouse", "keyboard", "host:046d:c52b", "host:3.2", "host:1234:5678", "tablet", "host:1.10"],
        [SpecKind.Cpus] = ["0-3,5,^1", "all", "nodes:0-1,^node:1", "0", "2-7", "0,2,4,6", "all,^0", "node:0"],
        [SpecKind.Cpuid] =
        [
            "host,tm=0,sse3=0", "host,aes=k", "1:ecx=xxxxxxxxxxx00xxxxxxxxxxxxxxxxxxx,edx=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "0x80000001:ecx=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx0x", "host,family=0x6,model=s", "7,0:ebx=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "host",
            "host,tm=0",
        ],
        [SpecKind.Viridian] = ["defaults", "all", "base", "!freq", "time_ref_count", "!hcall_ipi", "crash_ctl", "stimer"],
        [SpecKind.Smbios] =
        [
            "bios_vendor=Xen Project", "system_product_name=HVM domU", "oem=a=b", "system_serial_number=123", "baseboard_manufacturer=X",
            "bios_version=4.17", "system_manufacturer=Xen", "enclosure_asset_tag=7",
        ],
        [SpecKind.Vnuma] = ["pnode=0", "size=512", "vcpus=0-3", "vdistances=10,20", "pnode=1", "size=2048", "vcpus=0-1,4", "vdistances=10,21,21"],
        [SpecKind.IoPorts] = ["2f8-2ff", "3f8", "0x60-0x64", "170-177", "1f0-1f7", "376", "3f6", "60"],
        [SpecKind.IoMem] = ["fe000,1000", "fe000,1@2000", "c0000,20", "a0000,20@a0000", "f0000,10", "1,1", "fee00,1", "d0000,8"],
        [SpecKind.Irqs] = ["7", "16", "3", "4", "5", "10", "11", "1"],
    };
}
