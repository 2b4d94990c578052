import { SagaAdminController } from '@blog/chassis';
import { Module, type Provider } from '@nestjs/common';

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

/** Inbox handlers: microservice controllers of the inbox transport. */
const consumers = [SignUpConsumer, CloseAccountConsumer];

/** The user service: profiles and their unique handles (see DESIGN.md). */
@Module({
  controllers: [
    ...consumers,
    ProfileByHandleHttpController,
    UpdateProfileHttpController,
    SagaAdminController,
  ],
  providers: [...infrastructure, ...commands, ...queries],
})
export class UserModule {}
