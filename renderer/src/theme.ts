import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** China Post green (#007A3D) as shade 6, the one Mantine uses for filled elements. */
const postal: MantineColorsTuple = [
  '#e6f6ed',
  '#cdeadb',
  '#9dd4b7',
  '#69bd90',
  '#3fa96f',
  '#239c5b',
  '#007a3d',
  '#006a35',
  '#005b2d',
  '#004a24',
];

export const theme = createTheme({
  primaryColor: 'postal',
  primaryShade: 6,
  colors: { postal },
  fontFamily: '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif',
  fontFamilyMonospace: '"Cascadia Mono", Consolas, "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace',
  headings: { fontFamily: '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif' },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  components: {
    // Sticky table headers stop below the fixed app header.
    Table: {
      defaultProps: {
        verticalSpacing: 6,
        horizontalSpacing: 'sm',
        stickyHeaderOffset: 'var(--app-shell-header-offset, 0px)',
      },
    },
    Modal: { defaultProps: { centered: true }, styles: { title: { fontWeight: 700 } } },
    ActionIcon: { defaultProps: { size: 'sm' } },
  },
});
