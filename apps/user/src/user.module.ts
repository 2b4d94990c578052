import {
  ConsumerHost,
  PG_POOL,
  SagaAdminController,
  SERVICE_CONFIG,
  type ServiceConfig,
} from '@blog/chassis';
import { Module, type Provider } from '@nestjs/common';
import type { Pool } from 'pg';
import { AnonymiseProfileHandler } from './commands/anonymise-profile/anonymise-profile.handler';
import { CreateProfileHandler } from './commands/create-profile/create-profile.handler';
import { ReleaseProfileHandler } from './commands/release-profile/release-profile.handler';
import { UpdateProfileHandler } from './commands/update-profile/update-profile.handler';
import { UpdateProfileHttpController } from './commands/update-profile/update-profile.http.controller';
import { CloseAccountConsumer } from './consumers/close-account.consumer';
import { SignUpConsumer } from './consumers/sign-up.consumer';
import { createProfileStore, PROFILE_STORE } from './infrastructure/profile-store';
import { ProfileByHandleHttpController } from './queries/profile-by-handle/profile-by-handle.http.controller';
import { ProfileByHandleQuery } from './queries/profile-by-handle/profile-by-handle.query';

const infrastructure: Provider[] = [{ provide: PROFILE_STORE, useFactory: createProfileStore }];

const commands: Provider[] = [
  CreateProfileHandler,
  ReleaseProfileHandler,
  AnonymiseProfileHandler,
  UpdateProfileHandler,
];

const queries: Provider[] = [ProfileByHandleQuery];

const consumers: Provider[] = [
  SignUpConsumer,
  CloseAccountConsumer,
  {
    provide: ConsumerHost,
    inject: [SERVICE_CONFIG, PG_POOL, SignUpConsumer, CloseAccountConsumer],
    useFactory: (
      config: ServiceConfig,
      pool: Pool,
      signUp: SignUpConsumer,
      closeAccount: CloseAccountConsumer,
    ) => new ConsumerHost(config, pool, [signUp.definition(), closeAccount.definition()]),
  },
];

/** The user service: profiles and their unique handles (see DESIGN.md). */
@Module({
  controllers: [ProfileByHandleHttpController, UpdateProfileHttpController, SagaAdminController],
  providers: [...infrastructure, ...commands, ...queries, ...consumers],
})
export class UserModule {}
