import { inputParser } from '@blog/chassis';

export const parseInput = inputParser('BLOG.INVALID_INPUT');
