/**
 * The names of the image size breakdown's commands, which the client's view and the server
 * both use. This module imports nothing, so the client bundle takes no server code with them.
 */

/** The client command that shows the breakdown view (package.json contributes it); the code lens on each FROM runs it. */
export const SHOW_BREAKDOWN_COMMAND = 'shipshape.showImageSizeBreakdown';

/** The server command that computes the figures the view draws. */
export const IMAGE_SIZE_BREAKDOWN_COMMAND = 'shipshape.server.imageSizeBreakdown';
