#!/usr/bin/env bash
# Measures a device the way the README's interop numbers were taken (not part of the test run): inside a private
# network namespace, the matter.js controller commissions the device and invokes a command N times; the device's
# resident memory and CPU time are read from /proc before and after the invokes.
#   measure.sh ours|matterjs [invokes]     (ours = the built EVSE simulator dll, Debug unless CONFIGURATION is set;
#                                           MATTERGEN_DEVICE overrides the command, e.g. the NativeAOT binary)
set -euo pipefail
cd "$(dirname "$0")"
kind=${1:?ours or matterjs}
invokes=${2:-500}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$(cd ../.. && pwd)
paa=$root/runtime/MatterGen.Commissioning/Attestation/Development/Matter-Test-PAA-NoVID-Cert.pem
cd_signer=$root/runtime/MatterGen.Commissioning/Attestation/Development/Matter-Test-CD-Signing-Cert.pem
if [[ $kind == ours ]]; then
  device=${MATTERGEN_DEVICE:-dotnet exec $root/samples/EvseSimulator/bin/${CONFIGURATION:-Debug}/net10.0/EvseSimulator.dll}
  device="$device --matter --plain --port 5540 --passcode 20202021 --discriminator 3840 --storage $work/device"
  command=evse-mode
else
  device="node device.mjs --port 5540 --passcode 20202021 --discriminator 3840 --storage $work/device --seconds 300"
  command=on-off
fi
export MATTER_MDNS_NETWORKINTERFACE=lo MATTER_LOG_LEVEL=warn MATTER_LOG_FORMAT=plain
./run-in-namespace.sh bash -c "
  $device > $work/device.log 2>&1 &
  pid=\$!
  for _ in \$(seq 1 300); do grep -qE '\"ready\":true|^Ready: ' $work/device.log && break; sleep 0.1; done
  rss_ready=\$(awk '/VmRSS/{print \$2}' /proc/\$pid/status)
  cpu() { awk '{print \$14 + \$15}' /proc/\$pid/stat; }
  node measure.mjs --discriminator 3840 --passcode 20202021 --storage $work/controller --paa $paa --cdsigner $cd_signer \
    --invokes $invokes --command $command --marks $work/marks > $work/controller.log 2>&1 &
  ctl=\$!
  until grep -q start $work/marks 2>/dev/null; do kill -0 \$ctl 2>/dev/null || break; sleep 0.05; done
  cpu0=\$(cpu); rss_commissioned=\$(awk '/VmRSS/{print \$2}' /proc/\$pid/status)
  until grep -q end $work/marks 2>/dev/null; do kill -0 \$ctl 2>/dev/null || break; sleep 0.05; done
  cpu1=\$(cpu); rss_after=\$(awk '/VmHWM|VmRSS/{printf \"%s \", \$2}' /proc/\$pid/status)
  wait \$ctl || true
  grep RESULT $work/controller.log || tail -20 $work/controller.log
  hz=\$(getconf CLK_TCK)
  echo \"device: rss at ready \${rss_ready} kB, after commissioning \${rss_commissioned} kB, peak/now after invokes \${rss_after}kB\"
  echo \"device CPU for $invokes invokes: \$(( (cpu1 - cpu0) * 1000 / hz )) ms\"
  kill -TERM \$pid; wait \$pid || true
"
