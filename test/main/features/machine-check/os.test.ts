import { describe, expect, it } from 'vitest';
import type { OsFamily } from '../../../../preload/contract';
import { detectOs } from '../../../../main/features/machine-check/os';

// Trimmed from each distribution's real /etc/os-release.
const SAMPLES: ReadonlyArray<readonly [string, string, OsFamily]> = [
  [
    'Debian 12',
    'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n',
    'debian',
  ],
  ['Ubuntu 24.04', 'NAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\nID_LIKE=debian\n', 'debian'],
  ['Linux Mint 21', 'NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n', 'debian'],
  ['Pop!_OS', 'NAME="Pop!_OS"\nID=pop\nID_LIKE="ubuntu debian"\n', 'debian'],
  ['Raspberry Pi OS', 'ID=raspbian\nID_LIKE=debian\n', 'debian'],
  [
    'Fedora 40',
    'NAME="Fedora Linux"\nVERSION="40 (Workstation Edition)"\nID=fedora\nVERSION_ID=40\n',
    'fedora',
  ],
  ['RHEL 9', 'NAME="Red Hat Enterprise Linux"\nID="rhel"\nID_LIKE="fedora"\nVERSION_ID="9.4"\n', 'fedora'],
  ['Rocky 9', 'NAME="Rocky Linux"\nID="rocky"\nID_LIKE="rhel centos fedora"\n', 'fedora'],
  ['AlmaLinux 9', "NAME='AlmaLinux'\nID='almalinux'\nID_LIKE='rhel centos fedora'\n", 'fedora'],
  ['CentOS Stream 9', 'NAME="CentOS Stream"\nID="centos"\nID_LIKE="rhel fedora"\n', 'fedora'],
  ['Arch', 'NAME="Arch Linux"\nID=arch\n', 'linux'],
  ['openSUSE', 'NAME="openSUSE Tumbleweed"\nID="opensuse-tumbleweed"\nID_LIKE="opensuse suse"\n', 'linux'],
  ['Alpine', 'NAME="Alpine Linux"\nID=alpine\n', 'linux'],
  ['an empty file', '', 'linux'],
  ['Windows line endings', 'NAME="Ubuntu"\r\nID=ubuntu\r\nID_LIKE=debian\r\n', 'debian'],
  ['keys in comments or other fields', '# ID=debian\nVARIANT_ID=debian\nID=arch\n', 'linux'],
];

describe('detectOs', () => {
  it.each(SAMPLES)('reads %s as %s', (_name, text, family) => {
    expect(detectOs('linux', text)).toBe(family);
  });

  it('names Windows and macOS from the platform, whatever os-release says', () => {
    expect(detectOs('win32')).toBe('windows');
    expect(detectOs('darwin', 'ID=debian\n')).toBe('macos');
  });

  it('falls back to generic Linux without os-release, and for other Unixes', () => {
    expect(detectOs('linux')).toBe('linux');
    expect(detectOs('freebsd', 'ID=freebsd\n')).toBe('linux');
  });
});
