/** Widths of the responsive derivatives Payload stores for every uploaded image. */
export const responsiveWidths = [480, 960, 1600] as const
