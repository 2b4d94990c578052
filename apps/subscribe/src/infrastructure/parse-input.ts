import { inputParser } from '@blog/chassis';

export const parseInput = inputParser('SUBSCRIBE.INVALID_INPUT');
