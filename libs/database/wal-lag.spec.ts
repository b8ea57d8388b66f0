import { WalLag } from './wal-lag';

describe("WalLag: a replica's lag in time, from WAL positions only", () => {
  it('is 0 for a replica that has replayed what the primary last wrote, however long the primary was idle', () => {
    const lag = new WalLag(10_000);
    lag.primaryAt(0, 1000);
    lag.primaryAt(60_000, 1000); // idle for a minute: no WAL written
    expect(lag.lagMs(60_000, 1000)).toBe(0);
  });

  it('is the time since the primary was last where the replica has replayed to', () => {
    const lag = new WalLag(10_000);
    lag.primaryAt(0, 100);
    lag.primaryAt(1000, 200);
    lag.primaryAt(2000, 300);
    lag.primaryAt(3000, 400);
    expect(lag.lagMs(3000, 250)).toBe(2000); // has what was written by t=1000, maybe not after
    expect(lag.lagMs(3000, 300)).toBe(1000);
    expect(lag.lagMs(3500, 399)).toBe(1500);
  });

  it('is Infinity when the replica is behind every sample kept, or nothing was sampled yet', () => {
    const lag = new WalLag(1000);
    expect(lag.lagMs(0, 0)).toBe(Infinity);
    lag.primaryAt(0, 100);
    lag.primaryAt(5000, 200);
    lag.primaryAt(6000, 300);
    expect(lag.lagMs(6000, 50)).toBe(Infinity);
  });

  it('keeps only the history it needs', () => {
    const lag = new WalLag(1000);
    for (let t = 0; t <= 10_000; t += 100) lag.primaryAt(t, t);
    // samples older than the history are gone: a replica at LSN 0 is behind all of them
    expect(lag.lagMs(10_000, 0)).toBe(Infinity);
    expect(lag.lagMs(10_000, 9500)).toBe(500);
  });
});
