import { Public } from '@blog/chassis';
import { Id } from '@blog/contracts';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { parseInput } from '../../commands/account-fields';
import { RegistrationStatusQuery } from './registration-status.query';

@Controller('auth/registrations')
export class RegistrationStatusHttpController {
  constructor(private readonly query: RegistrationStatusQuery) {}

  @Get(':accountId')
  @Public()
  status(@Param('accountId') accountId: string, @Query('sagaId') sagaId: unknown) {
    return this.query.execute(
      parseInput(Id, accountId, 'account id'),
      parseInput(Id, sagaId, 'saga id'),
    );
  }
}
