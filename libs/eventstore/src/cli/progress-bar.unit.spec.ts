import { ProgressBar, renderProgress } from './progress-bar';

describe('renderProgress', () => {
  it('draws the share done, the counts and the rate', () => {
    expect(renderProgress(5_000, 10_000, 2_000, 10)).toBe(
      '[#####-----]  50% 5,000/10,000 events  2,500 events/s',
    );
  });

  it('stays at 100% when more events arrive than were counted at the start', () => {
    expect(renderProgress(12, 10, 1_000, 4)).toBe('[####] 100% 12/12 events  12 events/s');
  });

  it('treats an empty log as done', () => {
    expect(renderProgress(0, 0, 0, 4)).toBe('[####] 100% 0/0 events  0 events/s');
  });
});

describe('ProgressBar', () => {
  it('redraws one line and ends it when finished', () => {
    const written: string[] = [];
    const bar = new ProgressBar({ write: (text: string) => written.push(text) }, 10);
    bar.update(1);
    bar.update(2); // within 100 ms of the last frame: skipped
    bar.finish(10);
    expect(written).toHaveLength(2);
    expect(written.every((frame) => frame.startsWith('\r'))).toBe(true);
    expect(written.at(-1)).toMatch(/100% 10\/10 events .*\n$/);
  });
});
