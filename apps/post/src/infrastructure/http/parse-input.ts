import { inputParser } from '@blog/chassis';

export const parseInput = inputParser('POST.INVALID_INPUT');
